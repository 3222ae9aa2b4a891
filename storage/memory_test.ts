import { test } from "node:test";
import { registerConformanceTests } from "../testing/conformance.ts";
import { MemoryStorage } from "./memory.ts";

registerConformanceTests(test, { name: "memory", create: () => new MemoryStorage() });
