/**
 * Lua run inside Redis so each step is atomic: no other client's command runs in between.
 * Keys: `<p>dec:<id>` hash {body, supersedes, at, client, idem}; `<p>client:<clientId>` and `<p>log`
 * lists of ids in append order; `<p>idem:<key>` → id; `<p>purges` list of JSON records;
 * `<p>feed` the learning feed (a sorted set of ids by position) and `<p>feedpos` its last position.
 */

/**
 * Places the decisions of a log written before the feed existed (KEYS log, feed, feedpos), once:
 * every script that reads or writes the feed starts with it.
 */
const FEED_BACKFILL = (log: string, feed: string, pos: string) => `
if redis.call('EXISTS', ${pos}) == 0 then
  local ids = redis.call('LRANGE', ${log}, 0, -1)
  for i, id in ipairs(ids) do redis.call('ZADD', ${feed}, i, id) end
  redis.call('SET', ${pos}, #ids)
end
`;

/**
 * KEYS: idem, client list, log, decision hash, feed, feedpos.
 * ARGV: id, body, createdAt, clientId, idempotencyKey.
 */
export const APPEND_SCRIPT = `
local existing = redis.call('GET', KEYS[1])
if existing then return {0, existing} end
${FEED_BACKFILL('KEYS[3]', 'KEYS[5]', 'KEYS[6]')}
local previous = redis.call('LINDEX', KEYS[2], -1) or ''
redis.call('HSET', KEYS[4], 'body', ARGV[2], 'supersedes', previous, 'at', ARGV[3], 'client', ARGV[4], 'idem', ARGV[5])
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('RPUSH', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[5], redis.call('INCR', KEYS[6]), ARGV[1])
redis.call('SET', KEYS[1], ARGV[1])
return {1, ARGV[1]}
`;

/** KEYS: log, feed, feedpos. ARGV: cursor, limit. Ids after the cursor, each followed by its position. */
export const FEED_SCRIPT = `
${FEED_BACKFILL('KEYS[1]', 'KEYS[2]', 'KEYS[3]')}
return redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[2]))
`;

/**
 * KEYS: log, purges, feed. ARGV: prefix, before (ISO), purge record JSON (with "removed":-1 placeholder).
 * Rewrites the log and touched client lists without the purged ids in one step, so a concurrent
 * append can never be lost from a list. Blocks Redis for the duration: an admin operation.
 */
export const PURGE_SCRIPT = `
local prefix, before = ARGV[1], ARGV[2]
local ids = redis.call('LRANGE', KEYS[1], 0, -1)
local kept, clients, removed = {}, {}, 0
for _, id in ipairs(ids) do
  local f = redis.call('HMGET', prefix .. 'dec:' .. id, 'at', 'client', 'idem')
  if f[1] and f[1] < before then
    removed = removed + 1
    redis.call('DEL', prefix .. 'dec:' .. id)
    redis.call('DEL', prefix .. 'idem:' .. f[3])
    redis.call('ZREM', KEYS[3], id)
    clients[f[2]] = true
  else
    kept[#kept + 1] = id
  end
end
local function rewrite(key, list)
  redis.call('DEL', key)
  for i = 1, #list, 1000 do
    redis.call('RPUSH', key, unpack(list, i, math.min(i + 999, #list)))
  end
end
if removed > 0 then
  rewrite(KEYS[1], kept)
  for client in pairs(clients) do
    local key = prefix .. 'client:' .. client
    local left = {}
    for _, id in ipairs(redis.call('LRANGE', key, 0, -1)) do
      if redis.call('EXISTS', prefix .. 'dec:' .. id) == 1 then left[#left + 1] = id end
    end
    rewrite(key, left)
  end
end
-- gsub returns (string, count): the parentheses keep only the string.
local record = (string.gsub(ARGV[3], '"removed":%-1', '"removed":' .. removed))
redis.call('RPUSH', KEYS[2], record)
return removed
`;

/** KEYS[1] a claim, ARGV[1] its holder's token: deletes the claim only if that holder still has it. */
export const RELEASE_IF_OWNER = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`;

/**
 * KEYS: decision hash, old client list, new client list, log, feed, feedpos.
 * ARGV: id, new body, new clientId, new visibility.
 * Rewrites a decision's body and, when its client changes, moves its id to the new client's list;
 * a private decision shared with the team moves to the end of the learning feed.
 */
export const AMEND_SCRIPT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
${FEED_BACKFILL('KEYS[4]', 'KEYS[5]', 'KEYS[6]')}
local was = cjson.decode(redis.call('HGET', KEYS[1], 'body')).visibility
if was ~= 'team' and ARGV[4] == 'team' then
  redis.call('ZADD', KEYS[5], redis.call('INCR', KEYS[6]), ARGV[1])
end
redis.call('HSET', KEYS[1], 'body', ARGV[2], 'client', ARGV[3])
if KEYS[2] ~= KEYS[3] then
  redis.call('LREM', KEYS[2], 0, ARGV[1])
  redis.call('RPUSH', KEYS[3], ARGV[1])
end
return 1
`;
