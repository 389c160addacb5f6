# Regenerates the survival fixtures of OlnmMl.Evaluation.Tests (see README.md in this folder):
#   cd tests/OlnmMl.Evaluation.Tests/Data/survival && Rscript make_fixtures.R
# For each dataset it writes <name>.csv (the data, columns time, event 0/1, groups, covariates)
# and <name>.json (R's results at full precision: sprintf("%.17g"); NA as null).
suppressPackageStartupMessages(library(survival))

num <- function(x) {
  x <- as.numeric(x)
  s <- ifelse(is.na(x), "null", ifelse(is.infinite(x), ifelse(x > 0, "\"Infinity\"", "\"-Infinity\""), sprintf("%.17g", x)))
  paste0("[", paste(s, collapse = ","), "]")
}
one <- function(x) if (is.na(x)) "null" else sprintf("%.17g", as.numeric(x))
str <- function(x) if (is.null(x)) "null" else paste0("\"", x, "\"")
strs <- function(x) paste0("[", paste0("\"", x, "\"", collapse = ","), "]")
obj <- function(...) {
  fields <- list(...)
  paste0("{", paste0("\"", names(fields), "\":", unlist(fields), collapse = ","), "}")
}
arr <- function(items) paste0("[", paste(items, collapse = ",\n "), "]")

# Kaplan-Meier (conf.type = "log", R's default) at every distinct time of one group; median as print.survfit.
km <- function(d, group_column = NULL, group = NULL) {
  rows <- if (is.null(group_column)) d else d[as.character(d[[group_column]]) == group, ]
  fit <- survfit(Surv(time, event) ~ 1, data = rows, conf.type = "log")
  tab <- summary(fit)$table
  obj(group_column = str(group_column), group = str(group),
      time = num(fit$time), n_risk = num(fit$n.risk), n_event = num(fit$n.event), n_censor = num(fit$n.censor),
      surv = num(fit$surv), std_err = num(fit$surv * fit$std.err), std_err_log = num(fit$std.err),
      lower = num(fit$lower), upper = num(fit$upper),
      median = one(tab["median"]), median_lower = one(tab["0.95LCL"]), median_upper = one(tab["0.95UCL"]))
}

logrank <- function(d, group_column) {
  g <- factor(d[[group_column]])
  fit <- survdiff(Surv(time, event) ~ g, data = d, rho = 0)
  df <- sum(fit$exp > 0) - 1
  obj(group_column = str(group_column), groups = strs(levels(g)), n = num(fit$n),
      observed = num(fit$obs), expected = num(fit$exp), chisq = one(fit$chisq), df = one(df),
      p = one(pchisq(fit$chisq, df, lower.tail = FALSE)))
}

cox <- function(d, covariates, ties) {
  f <- as.formula(paste("Surv(time, event) ~", paste(covariates, collapse = " + ")))
  fit <- coxph(f, data = d, ties = ties)
  s <- summary(fit)
  co <- s$coefficients
  ci <- s$conf.int
  test <- function(t) obj(statistic = one(t["test"]), df = one(t["df"]), p = one(t["pvalue"]))
  obj(ties = str(ties), covariates = strs(covariates), n = one(fit$n), events = one(fit$nevent),
      coef = num(co[, "coef"]), se = num(co[, "se(coef)"]), hr = num(co[, "exp(coef)"]),
      hr_lower = num(ci[, "lower .95"]), hr_upper = num(ci[, "upper .95"]), z = num(co[, "z"]), p = num(co[, "Pr(>|z|)"]),
      loglik_null = one(fit$loglik[1]), loglik = one(fit$loglik[2]), iterations = one(fit$iter),
      lr = test(s$logtest), score = test(s$sctest),
      # summary() rounds the Wald statistic to 2 decimals; the fit holds it unrounded.
      wald = obj(statistic = one(fit$wald.test), df = one(length(covariates)),
                 p = one(pchisq(fit$wald.test, length(covariates), lower.tail = FALSE))),
      concordance = one(s$concordance[1]), concordance_se = one(s$concordance[2]),
      concordance_counts = num(fit$concordance[c("concordant", "discordant", "tied.x", "tied.y", "tied.xy")]))
}

write_fixture <- function(name, d, km_groups, logrank_groups, cox_covariates) {
  write.csv(d, paste0(name, ".csv"), row.names = FALSE, quote = FALSE)
  kms <- list(km(d))
  for (g in km_groups) for (level in sort(unique(as.character(d[[g]])))) kms[[length(kms) + 1]] <- km(d, g, level)
  lrs <- lapply(logrank_groups, function(g) logrank(d, g))
  coxes <- list()
  for (cv in cox_covariates) for (ties in c("efron", "breslow")) coxes[[length(coxes) + 1]] <- cox(d, cv, ties)
  json <- paste0("{\"dataset\":", str(name),
                 ",\n\"r_version\":", str(R.version.string),
                 ",\n\"survival_version\":", str(as.character(packageVersion("survival"))),
                 ",\n\"km\":", arr(unlist(kms)),
                 ",\n\"logrank\":", arr(unlist(lrs)),
                 ",\n\"cox\":", arr(unlist(coxes)), "}\n")
  writeLines(json, paste0(name, ".json"))
}

# survival::lung: status 1 = censored, 2 = dead; rows with a missing value in the columns used are dropped.
lung <- na.omit(survival::lung[, c("time", "status", "sex", "age", "ph.ecog")])
lung <- data.frame(time = lung$time, event = as.integer(lung$status == 2), sex = lung$sex, age = lung$age, ph_ecog = lung$ph.ecog)
write_fixture("lung", lung, km_groups = "sex", logrank_groups = c("sex", "ph_ecog"),
              cox_covariates = list(c("sex", "age", "ph_ecog"), "age"))

# survival::ovarian (26 cases, no missing values).
ov <- survival::ovarian
ovarian <- data.frame(time = ov$futime, event = ov$fustat, rx = ov$rx, age = ov$age, ecog_ps = ov$ecog.ps, resid_ds = ov$resid.ds)
write_fixture("ovarian", ovarian, km_groups = "rx", logrank_groups = c("rx", "resid_ds"),
              cox_covariates = list(c("age", "ecog_ps"), c("rx", "age", "resid_ds")))

# Hand-made: 36 cases on 6 distinct times (heavy ties of events, and censorings tied with events), 3 groups.
set.seed(20261207)
n <- 36
ties <- data.frame(time = sample(1:6, n, replace = TRUE),
                   event = rbinom(n, 1, 0.7),
                   arm = rep(c("a", "b", "c"), length.out = n),
                   dose = round(runif(n, 0, 4), 1),
                   marker = rbinom(n, 1, 0.5))
ties$time <- ties$time + ifelse(ties$arm == "c", 1, 0)
write_fixture("ties", ties, km_groups = "arm", logrank_groups = "arm",
              cox_covariates = list(c("dose", "marker")))

# Four events at 1, 2, 3, 4: S = 0.75, 0.5, 0.25, 0, so the median is (2 + 3) / 2 = 2.5 (print.survfit's rule).
half <- data.frame(time = c(1, 2, 3, 4), event = c(1, 1, 1, 1), grp = c("x", "y", "x", "y"))
write_fixture("half", half, km_groups = character(0), logrank_groups = "grp", cox_covariates = list())
