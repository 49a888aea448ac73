// Browser code that only a lazy part runs, fetched with it rather than with the module: each
// file sits beside this one (scripts/post-build.sh puts it there), so a literal import() finds
// it whether the module is served as built or a bundler follows it.
export const jobStore = (...call) => import("./job_store.js").then((store) => store.call(...call));
