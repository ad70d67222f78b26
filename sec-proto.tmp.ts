import { prisma } from "@/lib/db/client";
import { parseVoxiaJson } from "@/lib/voxia/parse-voxia-json";
const v = (parseVoxiaJson('{"variables":{"__proto__":null}}') as any).variables;
try {
  await prisma().call.upsert({ where: { id: "t1" }, create: { id: "t1", stageRank: 0, createdAt: new Date(), deliveryCount: 1, firstReceivedAt: new Date(), lastReceivedAt: new Date(), variables: v }, update: { variables: v } });
  console.log("ok");
} catch (e) { console.log((e as Error).stack); }
process.exit(0);
