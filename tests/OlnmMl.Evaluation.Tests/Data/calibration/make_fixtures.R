# Reference for SmoothedCalibration: the restricted cubic spline of logit(p) with knots at the 5/35/65/95th
# percentiles spans the same functions as a natural cubic spline with boundary knots t1, t4 and interior knots
# t2, t3 (splines::ns), so glm(y ~ ns(L, ...), binomial) gives the same fitted probabilities.
# Run from this folder: Rscript make_fixtures.R
library(splines)
set.seed(18)
n <- 300
truth <- runif(n, 0.05, 0.95)
y <- rbinom(n, 1, truth)
p <- plogis(2 * qlogis(truth))           # overconfident predictions: calibration slope 1/2
L <- qlogis(p)
knots <- quantile(L, c(0.05, 0.35, 0.65, 0.95), type = 7)
fit <- glm(y ~ ns(L, knots = knots[2:3], Boundary.knots = knots[c(1, 4)]), family = binomial)
grid <- c(0.1, 0.3, 0.5, 0.7, 0.9)
observed <- predict(fit, newdata = data.frame(L = qlogis(grid)), type = "response")
ici <- mean(abs(fitted(fit) - p))
write.csv(data.frame(p = sprintf("%.17g", p), y = y), "overconfident.csv", row.names = FALSE, quote = FALSE)
write.csv(data.frame(grid = grid, observed = sprintf("%.17g", observed)), "overconfident-curve.csv", row.names = FALSE, quote = FALSE)
writeLines(c(sprintf("knots,%s", paste(sprintf("%.17g", knots), collapse = ",")), sprintf("ici,%.17g", ici)), "overconfident-summary.csv")
