import path from "node:path";
import { defineConfig } from "prisma/config";

// See scripts/schema-engine-stub.sh: the native engine cannot be downloaded here.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve("scripts/schema-engine-stub.sh");
process.env.CHECKPOINT_DISABLE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
