# syntax=docker/dockerfile:1
#
# One image per service, chosen with a build argument:
#
#   docker build --build-arg SERVICE=inference -t mlops-kafka/inference:0.1.0 .
#
# SERVICE is one of ingestion, inference, drift-computation, retraining, deployment.
# Stages: `deps` installs the lockfile's packages, `build` compiles the service with Nx,
# `prod-deps` installs production dependencies only, and the final stage holds just the
# compiled service, those dependencies and the health check, running as an unprivileged user.
# Configuration comes from environment variables only (see README.md, "Running a service").

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ARG SERVICE
ENV NX_DAEMON=false NX_NO_CLOUD=true CI=true
COPY . .
RUN case "${SERVICE}" in \
      ingestion|inference|drift-computation|retraining|deployment) ;; \
      *) echo "build with --build-arg SERVICE=<ingestion|inference|drift-computation|retraining|deployment>, got '${SERVICE}'" >&2; exit 1 ;; \
    esac \
 && npx nx build "${SERVICE}" --outputStyle=static --skip-nx-cache \
 && test -f "dist/services/${SERVICE}/services/${SERVICE}/src/main.js"

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production \
    MLOPS_SERVICE=${SERVICE}
WORKDIR /app
# Owned by root and read-only to the service user: the code needs no writable path.
COPY --from=prod-deps /app/node_modules ./node_modules
# dist/services/<name>/ holds the service, the libs it uses and the workspace package.json
# (its version is what mlops_service_info reports).
COPY --from=build /src/dist/services/${SERVICE}/ ./
COPY deploy/docker/healthcheck.js ./healthcheck.js
# A fixed entry point for every service; node follows the link, so relative requires resolve.
RUN ln -s "services/${SERVICE}/src/main.js" main.js
# The embedded filesystem registry's mount point (REGISTRY_ROOT in docker-compose.yml), owned by
# the service user: Docker copies a mount point's owner into a fresh named volume, so the
# volume is writable without a chown step. Work directories go to /tmp.
RUN mkdir -p /var/lib/mlops/registry && chown -R 1000:1000 /var/lib/mlops
# The numeric id of the image's `node` user, so Kubernetes' runAsNonRoot can verify it.
USER 1000:1000
STOPSIGNAL SIGTERM
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["node", "healthcheck.js", "/health/ready"]
CMD ["node", "--enable-source-maps", "main.js"]
