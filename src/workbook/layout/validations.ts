/**
 * The data validations the add-in's sheets put on cells a user types into, each with the input
 * prompt that says what the cell takes and the error Excel shows when it is refused. A kind of box
 * (a date, an amount in pounds, days) is refused with the same words on every sheet.
 */
import type { Rect } from "../a1";
import { isoToExcelSerial } from "../../domain/core/calendar";
import type { ValidationPlan } from "./plan";

const FIRST_DATE = isoToExcelSerial("2000-01-01");
const LAST_DATE = isoToExcelSerial("2099-12-31");

/** A real date from 2000 to 2099. */
export function dateValidation(rect: Rect, title: string, prompt: string): ValidationPlan {
  return {
    rect,
    rule: { type: "date", min: FIRST_DATE, max: LAST_DATE },
    prompt: { title, message: prompt },
    error: { title, message: "Enter a real date between 2000 and 2099, dd/mm/yyyy." },
  };
}

/** An amount in pounds of £0 or more; `error` adds to what Excel says when it is refused. */
export function poundsValidation(rect: Rect, title: string, prompt: string, error = ""): ValidationPlan {
  return {
    rect,
    rule: { type: "decimal", min: 0 },
    prompt: { title, message: prompt },
    error: { title, message: `Enter an amount in pounds of £0 or more${error}.` },
  };
}

/** A number of days, 0 or more. */
export function daysValidation(rect: Rect, title: string, prompt: string): ValidationPlan {
  return {
    rect,
    rule: { type: "decimal", min: 0 },
    prompt: { title, message: prompt },
    error: { title, message: "Enter a number of days, 0 or more." },
  };
}
