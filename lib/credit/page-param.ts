// `page` of the credit API's lists: a whole number from 1.
import { z } from "zod";

export const PageParam = z
  .string()
  .regex(/^[1-9]\d{0,5}$/, "page must be a whole number from 1 to 999999")
  .transform(Number);
