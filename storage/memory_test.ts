import { registerConformanceTests } from "./conformance.ts";
import { MemoryStorage } from "./memory.ts";

registerConformanceTests({ name: "memory", create: () => new MemoryStorage() });
