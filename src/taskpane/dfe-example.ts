/**
 * The built-in example: the Department for Education's 2017 tender for children's services
 * commissioners in four councils. The lots add up to £346,560, £560 more than the £346,000 stated.
 */
import { DFE_2017_TENDER } from "../domain/core/examples";
import type { Tender } from "../domain/core/types";

export const DFE_EXAMPLE_NAME = "the DfE 2017 example";

export const DFE_EXAMPLE: Tender = DFE_2017_TENDER;
