#!/usr/bin/env Rscript
# Writes Tests/GMMTests/Fixtures/mclust-hc.json: mclust's model-based agglomerative hierarchical
# clustering (hc, modelName "VVV", use "SVD" — the start Mclust uses for multivariate data) on
# Old Faithful, on iris's four measurements and on a coarsened Old Faithful full of ties, and the
# best model Mclust chooses on each.
#
# Per case: the data as read, the SVD-transformed data hc clusters ("transformed"), the merge
# sequence (one [i, j] pair per merge, 1-based observation indices, i < j: the cluster holding
# observation j joins the one holding i, each cluster named by its smallest index), the
# partitions hclass(hc, 1:9) (column G: labels 1..G), and Mclust's best BIC (mclust's sign:
# larger is better) with its model name and G.
#
# Run from the repository root:  Rscript scripts/make-mclust-fixtures.R
# Needs R with mclust (Debian/Ubuntu: apt-get install r-cran-mclust).
suppressPackageStartupMessages(library(mclust))

num <- function(x) formatC(x, digits = 17, format = "g")
vec <- function(x) paste0("[", paste(x, collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, function(r) vec(r)), collapse = ",\n      "), "]")

one_case <- function(name, data) {
  data <- as.matrix(data)
  dimnames(data) <- NULL
  tree <- hc(data, modelName = "VVV", use = "SVD")
  merges <- t(unclass(tree))[, 1:2]
  parts <- hclass(tree, 1:9)
  fit <- Mclust(data, G = 1:9, verbose = FALSE)
  paste0('    {"name": "', name, '",\n',
         '     "mclust": "', as.character(packageVersion("mclust")), '",\n',
         '     "data": ', mat(apply(data, 2, num)), ',\n',
         '     "transformed": ', mat(apply(attr(tree, "data"), 2, num)), ',\n',
         '     "merges": ', mat(merges), ',\n',
         '     "partitions": ', mat(t(parts)), ',\n',
         '     "best_model": "', fit$modelName, '", "best_components": ', fit$G, ',\n',
         '     "best_bic": ', num(fit$bic), ', "best_loglik": ', num(fit$loglik), '}')
}

faithful <- read.csv("assets/data/faithful.csv")
# Old Faithful rounded to whole minutes and half-minute eruptions: 272 rows on few distinct
# points, so many merges tie exactly and the order of ties is tested hard.
coarse <- data.frame(eruptions = round(faithful$eruptions * 2) / 2, waiting = round(faithful$waiting / 3) * 3)
cases <- c(one_case("faithful", faithful),
           one_case("iris", read.csv("assets/data/iris.csv")),
           one_case("faithful-coarse", coarse))
writeLines(c("{\"cases\": [", paste(cases, collapse = ",\n"), "]}"),
           "Tests/GMMTests/Fixtures/mclust-hc.json")
