# Quadrant: multi-stage image on Node 24 slim. Build: docker build -t quadrant .
# Run (Socket Mode): docker run -e SLACK_APP_TOKEN -e SLACK_BOT_TOKEN -v quadrant-data:/data -p 3000:3000 quadrant
# .ci/run repeats these steps without Docker (a clean copy, npm ci --omit=dev, this CMD, probes, SIGTERM).

# 1. Build: all dependencies (sqlite3 compiles from source), then `prepare` compiles TypeScript to dist/.
FROM node:24-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json manifest.json ./
COPY scripts ./scripts
COPY prompts ./prompts
COPY src ./src
COPY handlers ./handlers
COPY playground ./playground
RUN npm ci --no-audit --no-fund

# 2. Production dependencies only; `prepare` keeps the dist/ built above (no TypeScript here).
FROM node:24-slim AS deps
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
COPY scripts ./scripts
COPY --from=build /app/dist ./dist
RUN npm ci --omit=dev --no-audit --no-fund

# 3. Runtime: compiled JavaScript, production node_modules, no compilers, no tests, non-root.
FROM node:24-slim
ENV NODE_ENV=production \
  PORT=3000 \
  QUADRANT_STORE_URL=sqlite:///data/quadrant.db \
  QUADRANT_LOG_FORMAT=json
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly (no npm, no shell): SIGTERM from the runtime reaches the app, which drains and exits 0.
CMD ["node", "dist/src/main.js"]
