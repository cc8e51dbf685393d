/**
 * Where each procurement rule comes from: the public pages listed in the facts sheet
 * (`../shared/notes/procurement-rules.md`, compiled 2 December 2026), under the same keys.
 * `official` pages are legislation.gov.uk, gov.uk, civilservice.gov.uk, gov.wales or Hansard;
 * `secondary` pages are law-firm or sector briefings.
 */

export type SourceStatus = "official" | "secondary";

export interface Source {
  title: string;
  url: string;
  status: SourceStatus;
}

export const SOURCES = {
  L1: {
    title:
      "The Public Procurement (Agreement on Government Procurement) (Thresholds) (Amendment) Regulations 2021 (SI 2021/1221), reg 3",
    url: "https://legislation.gov.uk/uksi/2021/1221/regulation/3/made",
    status: "official",
  },
  L2: {
    title: "SI 2021/1221, reg 5",
    url: "https://legislation.gov.uk/uksi/2021/1221/regulation/5/made/data.html",
    status: "official",
  },
  L3: {
    title: "SI 2023/1117 (thresholds from 1 January 2024)",
    url: "https://legislation.gov.uk/uksi/2023/1117/made/data.htm?view=plain",
    status: "official",
  },
  L4: {
    title: "The Utilities Contracts Regulations 2016, thresholds",
    url: "https://www.legislation.gov.uk/uksi/2016/274/part/1/chapter/3/crossheading/thresholds",
    status: "official",
  },
  L7: {
    title: "The Public Contracts Regulations 2015, reg 27 (open procedure)",
    url: "http://legislation.gov.uk/uksi/2015/102/regulation/27/made",
    status: "official",
  },
  L8: {
    title: "Procurement Act 2023, Part 3 Chapter 5, s.51 (standstill)",
    url: "https://legislation.gov.uk/ukpga/2023/54/part/3/chapter/5/enacted?view=plain",
    status: "official",
  },
  L10: {
    title: "The Public Contracts Regulations 2015, reg 50 (contract award notices)",
    url: "http://www.legislation.gov.uk/uksi/2015/102/regulation/50/data.html",
    status: "official",
  },
  L13: {
    title: "The Public Contracts Regulations 2015, Part 2 Chapter 1, scope and thresholds",
    url: "https://www.legislation.gov.uk/uksi/2015/102/part/2/chapter/1/crossheading/scope/made",
    status: "official",
  },
  G1: {
    title: "Procurement Act 2023 guidance: transitional and saving arrangements",
    url: "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-plan-phase/guidance-transitional-and-saving-arrangements-html",
    status: "official",
  },
  G3: {
    title: "Procurement Act 2023 guidance: thresholds",
    url: "https://www.gov.uk/government/publications/procurement-act-2023-guidance-documents/guidance-thresholds-html",
    status: "official",
  },
  G5: {
    title: "Procurement Pathway (PCR 2015): methods for calculating the estimated value of procurement",
    url: "https://www.procurementpathway.civilservice.gov.uk/documents/pcr2015/methods-for-calculating-the-estimated-value-of-procurement/contract-award-and-implementation",
    status: "official",
  },
  G6: {
    title: "Procurement Pathway (PCR 2015): scope of Chapter 8 (below-threshold contracts)",
    url: "https://www.procurementpathway.civilservice.gov.uk/documents/pcr2015/scope-of-chapter-8/sourcing-strategy",
    status: "official",
  },
  G7: {
    title: "PPN 09/21: requirements to publish on Contracts Finder",
    url: "https://gov.uk/government/publications/ppn-0921-requirements-to-publish-on-contracts-finder",
    status: "official",
  },
  G8: {
    title: "PPN 01/23: requirements to publish on Contracts Finder",
    url: "https://gov.uk/government/publications/ppn-0123-requirements-to-publish-on-contracts-finder/guidance-on-the-transparency-requirements-for-publishing-on-contracts-finder-html",
    status: "official",
  },
  G10: {
    title: "Procurement Act 2023 guidance: Central Digital Platform and publication of information",
    url: "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/guidance-central-digital-platform-and-publication-of-information-html",
    status: "official",
  },
  G11: {
    title: "Procurement Act 2023 guidance: time periods",
    url: "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/time-periods-html",
    status: "official",
  },
  G12: {
    title: "Procurement Act 2023 guidance: contract award notices and standstill",
    url: "https://gov.uk/government/publications/procurement-act-2023-guidance-documents-procure-phase/guidance-contract-award-notices-and-standstill-html",
    status: "official",
  },
  G13: {
    title: "Procurement Pathway (PCR 2015): standstill period",
    url: "https://www.procurementpathway.civilservice.gov.uk/documents/pcr2015/standstill-period/contract-award-and-implementation",
    status: "official",
  },
  G16: {
    title: "Procurement Pathway: contract details notices and contract documents",
    url: "https://www.procurementpathway.civilservice.gov.uk/documents/guidance/contract-details-notices-and-contract-documents/supplier-engagement",
    status: "official",
  },
  G20: {
    title: "Procurement Pathway: thresholds",
    url: "https://www.procurementpathway.civilservice.gov.uk/documents/guidance/thresholds",
    status: "official",
  },
  G22: {
    title: "Department of Finance (NI): information about procurement thresholds",
    url: "https://www.finance-ni.gov.uk/articles/information-about-eu-procurement-thresholds",
    status: "official",
  },
  G23: {
    title: "Procurement Pathway: PPN introduction of Find a Tender",
    url: "https://www.procurementpathway.civilservice.gov.uk/documents/ppn/introduction-of-find-a-tender/finalise-and-publish-procurement-pack",
    status: "official",
  },
  P1: {
    title:
      "Hansard (Lords), 10 February 2025: Procurement Act 2023 (Consequential and Other Amendments) Regulations 2025",
    url: "https://parallelparliament.co.uk/debate/2025-02-10/lords/lords-chamber/procurement-act-2023-consequential-and-other-amendments-regulations-2025",
    status: "official",
  },
  F1: {
    title: "CMS Law-Now: new EU procurement thresholds from 1 January 2016",
    url: "https://cms-lawnow.com/en/ealerts/2015/12/new-eu-procurement-thresholds-from-1-january-2016",
    status: "secondary",
  },
  F2: {
    title: "Pelican Procurement: new thresholds from January 2018",
    url: "https://pelicanprocurement.co.uk/resources/new-eu-procurement-thresholds-for-public-procurement-from-january-2018/",
    status: "secondary",
  },
  F3: {
    title: "Clark Holt: changes to the public procurement thresholds (2020)",
    url: "https://www.clarkholt.com/changes-to-the-public-procurement-thresholds/",
    status: "secondary",
  },
  F4: {
    title: "Addleshaw Goddard: new UK public procurement thresholds, January 2022",
    url: "https://addleshawgoddard.com/en/insights/insights-briefings/2022/competition/new-uk-public-procurement-thresholds-january-2022",
    status: "secondary",
  },
  F5: {
    title: "Sharpe Pritchard: new year, new thresholds (2024)",
    url: "https://www.sharpepritchard.co.uk/latest-news/new-year-new-thresholds/",
    status: "secondary",
  },
  F6: {
    title: "DAC Beachcroft: the Procurement Act 2023 (Consequential and Other Amendments) Regulations 2025",
    url: "https://dacbeachcroft.com/fr-FR/What-we-think/The-procurement-act-2023-consequential-and-other-amendments-regulations-2025-changes-to-the",
    status: "secondary",
  },
  F7: {
    title: "Devonshires: new public procurement thresholds from 1 January 2026",
    url: "https://insights.devonshires.com/post/102lxjy/new-public-procurement-thresholds-from-1-january-2026",
    status: "secondary",
  },
  F8: {
    title: "LUPC: new financial thresholds from 1 January 2026 (PPN 023)",
    url: "https://www.lupc.ac.uk/news-events/newsarticle/new-financial-thresholds-from-1-january-2026",
    status: "secondary",
  },
  F9: {
    title: "DWF: new public procurement thresholds (December 2025)",
    url: "https://dwfgroup.com/en-ie/news-and-insights/insights/2025/12/new-public-procurement-thresholds",
    status: "secondary",
  },
  F13: {
    title: "Bevan Brittan: new values triggering below-threshold procurement obligations",
    url: "http://bevanbrittan.com/insights/articles/2023/new-values-triggering-below-threshold-procurement-obligations/",
    status: "secondary",
  },
  F14: {
    title: "Ward Hadaway: below-threshold contracts under the Procurement Act 2023",
    url: "https://www.wardhadaway.com/?p=82757",
    status: "secondary",
  },
  F15: {
    title: "LUPC: below-threshold contracts",
    url: "https://www.lupc.ac.uk/public-procurement/public-procurement/below-threshold-contracts/",
    status: "secondary",
  },
  F16: {
    title: "LexisNexis: time limits in procurement procedures",
    url: "https://www.lexisnexis.co.uk/legal/guidance/time-limits-in-procurement-procedures",
    status: "secondary",
  },
  F17: {
    title: "FELP: timescales",
    url: "https://www.felp.ac.uk/content/timescales",
    status: "secondary",
  },
  F18: {
    title: "FELP: standstill period",
    url: "https://www.felp.ac.uk/content/standstill-period",
    status: "secondary",
  },
  F19: {
    title: "East of England Collaborative Procurement Hub: procurement policy and regulation",
    url: "https://eoecph.nhs.uk/buyers/procurement-policy-and-regulation",
    status: "secondary",
  },
  F20: {
    title:
      "Trowers & Hamlins: do not give challengers an accidental gift this festive season (November 2025)",
    url: "http://trowers.com/insights/2025/november/contracting-authorities-do-not-give-challengers-an-accidental-gift-this-festive-season",
    status: "secondary",
  },
  F24: {
    title: "Dukefield Procurement: contract details notices (TPP issue 4)",
    url: "https://dukefieldprocurement.co.uk/blog/tpp-issue-4",
    status: "secondary",
  },
  F33: {
    title: "Policy Wire: Procurement Act 2023 thresholds updated from 1 January 2026",
    url: "http://policy-wire.co.uk/procurement-act-2023-thresholds-updated-from-1-january-2026",
    status: "secondary",
  },
} as const satisfies Record<string, Source>;

export type SourceKey = keyof typeof SOURCES;

/** "Procurement Act 2023 guidance: thresholds (https://…)" for each key, joined with "; ". */
export function citeSources(keys: readonly SourceKey[]): string {
  return keys.map((k) => `${SOURCES[k].title} (${SOURCES[k].url})`).join("; ");
}

/** Only secondary sources confirm the figure: say so. */
export function onlySecondary(keys: readonly SourceKey[]): boolean {
  return keys.every((k) => SOURCES[k].status === "secondary");
}
