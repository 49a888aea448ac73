// dates.rs's browser side: a moment in the agent's language (the widget's own tag, which the
// browser knows). style: 0 date and time, 1 the day, 2 the time.
const STYLES = [{ dateStyle: "medium", timeStyle: "short" }, { dateStyle: "full" }, { timeStyle: "short" }];
export function moment(tag, ms, style) { return new Intl.DateTimeFormat(tag, STYLES[style]).format(ms); }
export function relative(tag, value, unit) { return new Intl.RelativeTimeFormat(tag, { numeric: "auto" }).format(value, unit); }
