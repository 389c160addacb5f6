# Reference for SmoothedCalibration: the restricted cubic spline of logit(p) with knots t1 < ... < tk (5/35/65/95th
# percentiles; 10/50/90th below 100 cases) spans the same functions as a natural cubic spline with boundary knots
# t1, tk and interior knots t2 ... t(k-1) (splines::ns), so glm(y ~ ns(L, ...), binomial) gives the same fitted probabilities.
# Run from this folder: Rscript make_fixtures.R
library(splines)
fixture <- function(name, n, quantiles) {
  truth <- runif(n, 0.05, 0.95)
  y <- rbinom(n, 1, truth)
  p <- plogis(2 * qlogis(truth))           # overconfident predictions: calibration slope 1/2
  L <- qlogis(p)
  knots <- quantile(L, quantiles, type = 7)
  k <- length(knots)
  fit <- glm(y ~ ns(L, knots = knots[2:(k - 1)], Boundary.knots = knots[c(1, k)]), family = binomial)
  grid <- c(0.1, 0.3, 0.5, 0.7, 0.9)
  observed <- predict(fit, newdata = data.frame(L = qlogis(grid)), type = "response")
  ici <- mean(abs(fitted(fit) - p))
  write.csv(data.frame(p = sprintf("%.17g", p), y = y), paste0(name, ".csv"), row.names = FALSE, quote = FALSE)
  write.csv(data.frame(grid = grid, observed = sprintf("%.17g", observed)), paste0(name, "-curve.csv"), row.names = FALSE, quote = FALSE)
  writeLines(c(sprintf("knots,%s", paste(sprintf("%.17g", knots), collapse = ",")), sprintf("ici,%.17g", ici)), paste0(name, "-summary.csv"))
}
set.seed(18)
fixture("overconfident", 300, c(0.05, 0.35, 0.65, 0.95))
set.seed(19)
fixture("small", 80, c(0.10, 0.50, 0.90))
