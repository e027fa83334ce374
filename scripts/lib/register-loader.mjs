import { register } from "node:module";

register("./node-loader.mjs", import.meta.url);
