/** The script tag's value of the build flag (see `isScriptTag.ts`). */
export const IS_SCRIPT_TAG: boolean = true;
