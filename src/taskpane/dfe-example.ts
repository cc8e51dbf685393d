/**
 * The built-in example: the Department for Education's 2017 tender for children's services
 * commissioners in four councils (the tender itself is the engine's DFE_2017_TENDER); here, its name
 * as the pane shows it.
 */

export const DFE_EXAMPLE_NAME = "the DfE 2017 example";
