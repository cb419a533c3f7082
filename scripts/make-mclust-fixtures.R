#!/usr/bin/env Rscript
# Writes three fixtures from R's mclust (the version is recorded in each):
#
# Tests/GMMTests/Fixtures/mclust-hc.json: mclust's model-based agglomerative hierarchical
# clustering (hc, modelName "VVV", use "SVD" — the start Mclust uses for multivariate data) on
# Old Faithful, on iris's four measurements, on a coarsened Old Faithful full of ties and on the
# ten "mean" measurements of the Wisconsin breast cancer data (mclust's wdbc, columns 3:12:
# 569 × 10, columns whose variances span 5e-5 to 1.2e5), and the best model Mclust chooses on
# each.
#
# Per case: the data as read, the SVD-transformed data hc clusters ("transformed"), the merge
# sequence (one [i, j] pair per merge, 1-based observation indices, i < j: the cluster holding
# observation j joins the one holding i, each cluster named by its smallest index), the
# partitions hclass(hc, 1:9) (column G: labels 1..G), Mclust's best BIC (mclust's sign:
# larger is better) with its model name, G and log-likelihood, and "best_converged_loglik":
# EM by me() for that model and G from hclass(hc, G), Mclust's own start, run to a relative
# log-likelihood change of 1e-11 (Mclust's default 1e-5 stops slow fits short: on wdbc,
# VVV with G = 5 stops at 5318.216 of the 5318.923 it reaches).
# wdbc is written compactly to keep the file small: its data with 15 significant digits (the
# values have at most 6, so they read back exactly; checked) and its transformed data with 12
# (the values are below 1.3, so within 1e-12).
#
# Tests/GMMTests/Fixtures/mclust-models.json: for each of mclust's 14 covariance models, EM by
# me() on Old Faithful and iris from the hard partition into G = 2 and G = 3 clusters that hc()
# gives (Mclust's own start): nMclustParams (the free parameters BIC charges), the start labels,
# and for two runs the final log-likelihood,
# iteration count, weights, means and covariances: "converged", EM to a relative log-likelihood
# change of 1e-11 (tol[1]; mclust's default is 1e-5), and "ten_iterations", exactly ten EM
# iterations (tol[1] = 0, itmax 10), the first M-step being the one from the labels. The
# iterative M-steps keep mclust's default inner tolerance, tol[2] = sqrt(eps).
#
# Tests/GMMTests/Fixtures/mclust-bic.json: Mclust(X) at its defaults (G = 1:9, all 14 models)
# on iris, Old Faithful, airquality (its four measurements, rows with NA dropped), rock (area,
# peri, shape), trees, USArrests and swiss: the data, every (model, G)'s BIC (null where
# mclust fitted nothing) and the chosen model. mclust's BIC is 2·loglik − p·ln N (larger is
# better): the opposite sign of scikit-learn's and gmmviz's.
#
# Run from the repository root:  Rscript scripts/make-mclust-fixtures.R
# Needs R with mclust (Debian/Ubuntu: apt-get install r-cran-mclust).
suppressPackageStartupMessages(library(mclust))

num <- function(x) formatC(x, digits = 17, format = "g")
vec <- function(x) paste0("[", paste(x, collapse = ", "), "]")
mat <- function(m) paste0("[", paste(apply(m, 1, function(r) vec(r)), collapse = ",\n      "), "]")

one_case <- function(name, data, compact = FALSE) {
  data <- as.matrix(data)
  dimnames(data) <- NULL
  tree <- hc(data, modelName = "VVV", use = "SVD")
  merges <- t(unclass(tree))[, 1:2]
  parts <- hclass(tree, 1:9)
  fit <- Mclust(data, G = 1:9, verbose = FALSE)
  converged <- me(data, modelName = fit$modelName, z = unmap(hclass(tree, fit$G)),
                  control = emControl(tol = c(1e-11, sqrt(.Machine$double.eps))), warn = FALSE)
  digits <- function(x, d) trimws(formatC(x, digits = d, format = "g"))
  data_text <- if (compact) apply(data, 2, digits, 15) else apply(data, 2, num)
  if (compact) stopifnot(all(as.numeric(data_text) == data))
  transformed_text <- if (compact) apply(attr(tree, "data"), 2, digits, 12) else apply(attr(tree, "data"), 2, num)
  paste0('    {"name": "', name, '",\n',
         '     "mclust": "', as.character(packageVersion("mclust")), '",\n',
         '     "data": ', mat(data_text), ',\n',
         '     "transformed": ', mat(transformed_text), ',\n',
         '     "merges": ', mat(merges), ',\n',
         '     "partitions": ', mat(t(parts)), ',\n',
         '     "best_model": "', fit$modelName, '", "best_components": ', fit$G, ',\n',
         '     "best_bic": ', num(fit$bic), ', "best_loglik": ', num(fit$loglik), ',\n',
         '     "best_converged_loglik": ', num(converged$loglik), '}')
}

faithful <- read.csv("assets/data/faithful.csv")
# Old Faithful rounded to whole minutes and half-minute eruptions: 272 rows on few distinct
# points, so many merges tie exactly and the order of ties is tested hard.
coarse <- data.frame(eruptions = round(faithful$eruptions * 2) / 2, waiting = round(faithful$waiting / 3) * 3)
cases <- c(one_case("faithful", faithful),
           one_case("iris", read.csv("assets/data/iris.csv")),
           one_case("faithful-coarse", coarse),
           one_case("wdbc", mclust::wdbc[, 3:12], compact = TRUE))
writeLines(c("{\"cases\": [", paste(cases, collapse = ",\n"), "]}"),
           "Tests/GMMTests/Fixtures/mclust-hc.json")

# EM by me() for every model from hc's partitions.
models <- mclust.options("emModelNames")
me_case <- function(name, data, G) {
  data <- as.matrix(data)
  dimnames(data) <- NULL
  labels <- as.vector(hclass(hc(data, modelName = "VVV", use = "SVD"), G))
  z <- unmap(labels)
  out <- character(0)
  for (model in models) {
    fields <- function(fit) {
      sigma <- fit$parameters$variance$sigma
      covs <- paste0("[", paste(sapply(1:G, function(k) mat(apply(matrix(sigma[, , k], ncol(data)), 2, num))),
                                collapse = ",\n        "), "]")
      paste0('{"loglik": ', num(fit$loglik), ', "iterations": ', as.integer(attr(fit, "info")[1]), ',\n',
             '      "weights": ', vec(num(fit$parameters$pro)), ',\n',
             '      "means": ', mat(t(apply(fit$parameters$mean, 2, num))), ',\n',
             '      "covariances": ', covs, '}')
    }
    converged <- me(data, modelName = model, z = z, control = emControl(tol = c(1e-11, sqrt(.Machine$double.eps))),
                    warn = FALSE)
    steps <- me(data, modelName = model, z = z, control = emControl(tol = c(0, sqrt(.Machine$double.eps)), itmax = c(10, Inf)),
                warn = FALSE)
    out <- c(out, paste0('    {"data": "', name, '", "model": "', model, '", "components": ', G, ',\n',
                         '     "parameters": ', nMclustParams(model, ncol(data), G), ',\n',
                         '     "labels": ', vec(labels), ',\n',
                         '     "converged": ', fields(converged), ',\n',
                         '     "ten_iterations": ', fields(steps), '}'))
  }
  out
}
iris <- read.csv("assets/data/iris.csv")
me_cases <- c(me_case("faithful", faithful, 2), me_case("faithful", faithful, 3),
              me_case("iris", iris, 2), me_case("iris", iris, 3))
writeLines(c(paste0('{"mclust": "', as.character(packageVersion("mclust")), '", "tol": [1e-11, ',
                    num(sqrt(.Machine$double.eps)), '], "cases": ['),
             paste(me_cases, collapse = ",\n"), "]}"),
           "Tests/GMMTests/Fixtures/mclust-models.json")

# Mclust(X) at its defaults on five data sets.
bic_case <- function(name, data) {
  data <- as.matrix(data)
  dimnames(data) <- NULL
  fit <- Mclust(data, verbose = FALSE)
  table <- fit$BIC
  rows <- sapply(colnames(table), function(model) {
    values <- ifelse(is.na(table[, model]), "null", num(table[, model]))
    paste0('"', model, '": ', vec(values))
  })
  paste0('    {"name": "', name, '",\n',
         '     "data": ', mat(apply(data, 2, num)), ',\n',
         '     "bic": {', paste(rows, collapse = ",\n             "), '},\n',
         '     "best_model": "', fit$modelName, '", "best_components": ', fit$G, ', "best_bic": ', num(fit$bic), '}')
}
bic_cases <- c(bic_case("iris", iris), bic_case("faithful", faithful),
               bic_case("airquality", na.omit(datasets::airquality[, 1:4])), bic_case("rock", datasets::rock[, 1:3]),
               bic_case("trees", datasets::trees), bic_case("USArrests", datasets::USArrests),
               bic_case("swiss", datasets::swiss))
writeLines(c(paste0('{"mclust": "', as.character(packageVersion("mclust")), '", "cases": ['),
             paste(bic_cases, collapse = ",\n"), "]}"),
           "Tests/GMMTests/Fixtures/mclust-bic.json")
