/** The DfE 2017 tender for children's services commissioners, as a tender file would hold it. */
export const DFE_2017 = {
  title: "Commissioners for children's services intervention",
  buyer: "Department for Education",
  currency: "GBP",
  statedTotal: "£346,000",
  closingDate: "2017-07-31",
  startDate: "2017-08-31",
  lots: [
    { name: "Barnet", statedValue: "£107,520" },
    { name: "Kirklees", statedValue: "£48,960" },
    { name: "Reading", statedValue: "£95,040" },
    { name: "Worcestershire", statedValue: "£95,040" },
  ],
};
