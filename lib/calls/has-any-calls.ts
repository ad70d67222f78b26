// Whether any call at all has been received, test calls included: tells "nothing matches" apart from
// "nothing has arrived yet" on an empty list.
import { prisma } from "@/lib/db/client";

export async function hasAnyCalls(): Promise<boolean> {
  return (await prisma().call.findFirst({ select: { id: true } })) !== null;
}
