# Multi-stage build of the reference server with the storefront inside.
# docker build -t ecommerce-moderno . && docker run -p 8080:8080 ecommerce-moderno

FROM node:20-bookworm-slim AS web
WORKDIR /src/examples/server/web
COPY examples/server/web/package.json examples/server/web/package-lock.json ./
RUN PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund
COPY examples/server/web/ ./
RUN npm run build

FROM golang:1.26-bookworm AS server
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
COPY --from=web /src/examples/server/web/dist ./examples/server/web/dist
RUN CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/commerce ./examples/server

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=server /out/commerce /commerce
ENV COMMERCE_ADDR=:8080 COMMERCE_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
USER nonroot
ENTRYPOINT ["/commerce"]
