#!/bin/sh
# Prisma's CLI insists on a native schema-engine binary, which is downloaded from
# outside the npm registry. generate/validate/format never call it, so this stub
# stands in; migrations are produced by scripts/migration.mjs with the wasm engine.
echo "schema-engine is not available offline: use npm run db:migration" >&2
exit 1
