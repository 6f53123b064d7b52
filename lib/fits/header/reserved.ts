/**
 * Keywords that describe how data is stored rather than what it is. Readers drop them when they
 * turn a compressed table back into an image; the writer drops them from copied headers because
 * it writes its own. Explicit lists, not "Z*": ZP, ZPT or ZENITH are ordinary science keywords.
 */
export const COMPRESSION_KEY =
  /^(ZIMAGE|ZCMPTYPE|ZBITPIX|ZNAXIS\d*|ZTILE\d+|ZNAME\d+|ZVAL\d+|ZMASKCMP|ZSIMPLE|ZTENSION|ZEXTEND|ZBLOCKED|ZPCOUNT|ZGCOUNT|ZHECKSUM|ZDATASUM|ZQUANTIZ|ZDITHER0|ZBLANK|ZSCALE|ZZERO)$/;

export const TABLE_KEY = /^(TFIELDS|T(TYPE|FORM|UNIT|SCAL|ZERO|NULL|DIM|DISP)\d+|THEAP)$/;

/** Keywords every HDU's writer computes: structure, checksums. */
export const STRUCTURE_KEY =
  /^(SIMPLE|XTENSION|BITPIX|NAXIS\d*|EXTEND|PCOUNT|GCOUNT|GROUPS|CHECKSUM|DATASUM|END|CONTINUE)$/;

export const isStorageKeyword = (keyword: string): boolean =>
  STRUCTURE_KEY.test(keyword) || TABLE_KEY.test(keyword) || COMPRESSION_KEY.test(keyword);
