/**
 * The procurement rules in the bulk audit: a process the rules can classify (its buyer type from
 * Tender Budget's tenderBudget.buyerType, its contract type from OCDS mainProcurementCategory, its
 * procedure from procurementMethod, its published date from the tender period's start or else its
 * first release) gets the engine's rule findings on its row; one that cannot be classified gets
 * none. Thresholds: SI 2023/1117 (https://legislation.gov.uk/uksi/2023/1117/made/data.htm?view=plain),
 * sub-central supplies and services £214,904 inc VAT from 1 January 2024. Tendering period: PCR 2015
 * reg 27 (http://legislation.gov.uk/uksi/2015/102/regulation/27/made), open procedure 35 days, 30
 * when tenders may be submitted electronically. OCDS codelists: procurementCategory
 * (https://standard.open-contracting.org/1.1/en/schema/codelists/#procurement-category) and method
 * (https://standard.open-contracting.org/1.1/en/schema/codelists/#method).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { AuditCollector, releasesOf, type AuditRow } from "../../../src/domain/audit";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "audit", "classified-processes.jsonl");

function audit(): AuditRow[] {
  const c = new AuditCollector();
  for (const line of readFileSync(FIXTURE, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")) {
    const got = releasesOf(JSON.parse(line));
    if (got.ok) for (const { release, context } of got.releases) c.addRelease(release, context, FIXTURE);
  }
  return c.finish().rows;
}

const row = (ocid: string): AuditRow => {
  const found = audit().find((r) => r.ocid === ocid);
  if (!found) throw new Error(`no row for ${ocid}`);
  return found;
};
const codes = (r: AuditRow): string[] => r.findings.map((f) => f.code);

describe("procurement-rule findings in the audit", () => {
  test("sub-central services of £400,000 ex VAT, open, 14 days to tender: above the threshold, period short", () => {
    const r = row("ocds-b5fd17-rules-classified");
    expect(r.status).toBe("reconciles");
    expect(codes(r)).toEqual(["ABOVE_THRESHOLD", "TENDERING_PERIOD_SHORT"]);
    const above = r.findings[0];
    expect(above.severity).toBe("info");
    expect(above.message).toContain("£214,904");
    const short = r.findings[1];
    expect(short).toMatchObject({ severity: "error", path: "tender.tenderPeriod.endDate" });
    expect(short.message).toContain("14 days");
  });

  test("without a buyer type the process cannot be classified: no rule findings", () => {
    expect(codes(row("ocds-b5fd17-rules-no-buyer-type"))).toEqual([]);
  });

  test("no tender period start: published on its first release's day (1 May 2024), 50 days to tender", () => {
    const r = row("ocds-b5fd17-rules-release-date");
    expect(codes(r)).toEqual(["ABOVE_THRESHOLD"]);
    expect(r.findings[0].message).toContain("1 May 2024");
  });
});
