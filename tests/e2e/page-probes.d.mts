/** See page-probes.mjs. Evaluates to Array<{ text: string; case: string | null; inside: string }>. */
export declare const PAINTED: string;
/** See page-probes.mjs. */
export declare const SIX_PRECISE: string[];
