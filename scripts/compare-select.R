# Writes the real data sets that scripts/compare-select.py compares gmmviz's `select` on, with
# R's mclust choice for each: DIR/NAME.csv (header, one sample per line) and DIR/mclust.json
# ({"NAME": {"n", "d", "model", "k", "bic" (scikit-learn's sign, lower is better), "df",
# "seconds"}}). Mclust at its defaults over K = 1..9: the fourteen models, hierarchical start
# on the SVD of the data.
#
# Usage: Rscript scripts/compare-select.R DIR   (needs R's mclust: apt-get install r-cran-mclust)
suppressMessages(library(mclust))
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) > 0) args[1] else "/tmp/gmmviz-select"
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
sets <- list(
  faithful = faithful, iris = iris[, 1:4], trees = trees, USArrests = USArrests, swiss = swiss,
  rock = rock, airquality = na.omit(airquality)[, 1:4], mtcars = mtcars, quakes = quakes,
  attitude = attitude, LifeCycleSavings = LifeCycleSavings, stackloss = stackloss, longley = longley,
  cars = cars, USJudgeRatings = USJudgeRatings, women = women,
  precip = data.frame(precip = as.numeric(precip)), rivers = data.frame(rivers = rivers),
  diabetes = diabetes[, -1], banknote = banknote[, -1], thyroid = thyroid[, -1], wreath = wreath,
  chevron = chevron[, -1], acidity = data.frame(acidity = acidity), EuroUnemployment = EuroUnemployment,
  wdbc = wdbc[, 3:12], cross = cross[, -1]
)
out <- c()
for (name in names(sets)) {
  X <- as.data.frame(sets[[name]])
  write.csv(X, file.path(dir, paste0(name, ".csv")), row.names = FALSE)
  t0 <- proc.time()[["elapsed"]]
  m <- Mclust(X, G = 1:9, verbose = FALSE)
  seconds <- proc.time()[["elapsed"]] - t0
  out <- c(out, sprintf('"%s": {"n": %d, "d": %d, "model": "%s", "k": %d, "bic": %.6f, "df": %d, "seconds": %.3f}',
                        name, nrow(X), ncol(X), m$modelName, m$G, -m$bic, m$df, seconds))
  cat(sprintf("%-17s %4d x %2d  mclust %s K = %d  BIC %.2f\n", name, nrow(X), ncol(X), m$modelName, m$G, -m$bic))
}
writeLines(c("{", paste(out, collapse = ",\n"), "}"), file.path(dir, "mclust.json"))
