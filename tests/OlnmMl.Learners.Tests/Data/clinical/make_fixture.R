# Regenerates the clinical-signature fixture of OlnmMl.Learners.Tests:
#   cd tests/OlnmMl.Learners.Tests/Data/clinical && Rscript make_fixture.R
# cohort.csv: 100 simulated cases (values exactly representable as float32: integers and quarters).
# glm.csv: R's glm(family = binomial) Wald results at full precision (sprintf("%.17g")) for
#   model = "univariable"   one model per candidate, outcome ~ x;
#   model = "multivariable" outcome ~ the candidates with univariable p < 0.05;
#   model = "backward"      backward elimination from "multivariable": refit without the term of largest p
#                           while that p is >= 0.05 and more than one term remains.
set.seed(20261207)
n <- 100
d <- data.frame(
  age = round(rnorm(n, 62, 10)),
  diameter = round(rlnorm(n, log(12), 0.4) * 4) / 4,
  male = rbinom(n, 1, 0.55),
  density = round(rnorm(n, 40, 12)),
  noise = round(rnorm(n) * 4) / 4)
eta <- -7 + 0.05 * d$age + 0.22 * d$diameter + 0.9 * d$male + 0.02 * d$density
d$outcome <- rbinom(n, 1, plogis(eta))
write.csv(d, "cohort.csv", row.names = FALSE, quote = FALSE)

candidates <- c("age", "diameter", "male", "density", "noise")
rows <- list()
add <- function(model, fit) {
  s <- summary(fit)$coefficients
  for (i in seq_len(nrow(s))) {
    term <- if (rownames(s)[i] == "(Intercept)") "(Intercept)" else rownames(s)[i]
    rows[[length(rows) + 1]] <<- sprintf("%s,%s,%.17g,%.17g,%.17g,%.17g", model, term, s[i, 1], s[i, 2], s[i, 3], s[i, 4])
  }
}
fit_on <- function(terms) glm(reformulate(terms, "outcome"), family = binomial, data = d, control = glm.control(epsilon = 1e-14, maxit = 100))

p_uni <- c()
for (v in candidates) {
  fit <- fit_on(v)
  add("univariable", fit)
  p_uni[v] <- summary(fit)$coefficients[v, 4]
}
entered <- candidates[p_uni < 0.05]
add("multivariable", fit_on(entered))
kept <- entered
repeat {
  p <- summary(fit_on(kept))$coefficients[kept, 4]
  if (length(kept) == 1 || max(p) < 0.05) break
  kept <- kept[-which.max(p)]
}
add("backward", fit_on(kept))
writeLines(c("model,term,estimate,std_error,z,p", unlist(rows)), "glm.csv")
