variable "team" {
  type    = string
  default = "churn"
}
