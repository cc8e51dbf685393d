/**
 * The headline case: the Department for Education's 2017 tender for children's services
 * commissioners at four councils (examples/dfe-commissioners-2017.json holds the same as a file).
 * The lots add up to £346,560, £560 more than the £346,000 stated; all four are multiples of £960.
 */
import type { Tender } from "./types";

export const DFE_2017_TENDER: Tender = {
  title: "Children's services commissioners: Barnet, Kirklees, Reading and Worcestershire",
  buyer: "Department for Education",
  currency: "GBP",
  statedTotal: { pence: 34_600_000, precision: 100_000 },
  closingDate: "2017-07-31",
  startDate: "2017-08-31",
  region: "GB-ENG",
  vatRate: 20,
  lots: [
    { name: "Barnet", statedValue: 10_752_000 },
    { name: "Kirklees", statedValue: 4_896_000 },
    { name: "Reading", statedValue: 9_504_000 },
    { name: "Worcestershire", statedValue: 9_504_000 },
  ],
};
