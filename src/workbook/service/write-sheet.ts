/**
 * Writing a sheet plan, the same way over either driver: survey, choose the sheet (never a user's:
 * a clash gives "Allocation (2)") and free table names, then build. A new sheet is built in full under
 * a temporary name (its tables under free names) before anything of the user's changes; only in the
 * last request is the add-in's earlier sheet of that kind deleted and the new one renamed into its
 * place (Excel renames the structured references with the tables). Office.js batches are not rolled
 * back, so a build that fails part-way deletes its own half-built sheet and leaves the earlier one as
 * it was. A request Excel refuses for its size (RequestPayloadSizeLimitExceeded) is sent again in
 * two halves by rows.
 */
import type { SheetKind, SheetPlan } from "../layout/plan";
import type { SheetRef, WriteOptions } from "../port";
import { chooseTableName, chooseTablePrefix, chooseTarget } from "../targets";
import { tagName, type SheetRequest, type Survey, type WorkbookDriver } from "../driver";
import { officeCode } from "../errors";
import { halves, sheetRequests } from "./requests";
import type { Result } from "../../domain/core/types";

/** Makes a plan for the chosen sheet name, asking for free table names; or says why it cannot. */
export type PlanBuilder = (
  sheet: string,
  table: (wanted: string, suffixes?: readonly string[]) => string,
  survey: Survey,
) => SheetPlan | Result<never>;

export async function writeSheet(
  driver: WorkbookDriver,
  kind: SheetKind,
  options: WriteOptions,
  build: PlanBuilder,
  blockBytes?: number,
): Promise<Result<SheetRef>> {
  const s = await driver.survey();
  const target = chooseTarget(kind, s.existing, options.replace ?? true);
  // Tables share one namespace with defined names (a user's own "Actuals" name included).
  const taken = [...s.tables, ...s.names.map((name) => ({ name, sheet: "" }))];
  const renames: [string, string][] = [];
  const plan = build(
    target.name,
    (wanted, suffixes) => {
      if (suffixes) {
        const now = chooseTablePrefix(wanted, suffixes, taken);
        const final = chooseTablePrefix(wanted, suffixes, taken, target.replaces);
        if (now !== final) for (const x of suffixes) renames.push([now + x, final + x]);
        return now;
      }
      const now = chooseTableName(wanted, taken);
      const final = chooseTableName(wanted, taken, target.replaces);
      if (now !== final) renames.push([now, final]);
      return now;
    },
    s,
  );
  // Nothing is written when the plan cannot be made.
  if ("ok" in plan) return plan;

  const building = target.replaces
    ? chooseTarget(kind, [...s.existing, { name: `${target.name} new` }], false).name
    : target.name;
  const finish = {
    kind,
    name: target.name,
    replaces: target.replaces,
    position: target.replaces ? s.positions.get(target.replaces) : undefined,
    renames,
    tagged: s.tags.has(tagName(kind)),
    activate: options.activate ?? true,
  };
  const queue: SheetRequest[] = sheetRequests(plan, blockBytes);
  try {
    for (let i = 0; i < queue.length; i++) {
      const last = i === queue.length - 1;
      try {
        await driver.writeSheet(plan, building, last ? { ...queue[i], finish } : queue[i]);
      } catch (e) {
        const split = officeCode(e) === "RequestPayloadSizeLimitExceeded" ? halves(queue[i]) : undefined;
        if (!split) throw e;
        queue.splice(i, 1, ...split);
        i--;
      }
    }
  } catch (e) {
    await driver.discard(building, target.replaces);
    throw e;
  }
  return { ok: true, value: { kind, name: target.name, replaced: target.replaces !== undefined } };
}
