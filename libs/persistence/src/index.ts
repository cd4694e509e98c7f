export * from "./tenancy/tenant-context";
