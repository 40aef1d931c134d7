# One module over two files: lifecycle.tf holds the lifecycle configuration of the data bucket.
resource "aws_s3_bucket" "data" {
  bucket = "churn-data"
}

resource "aws_s3_bucket" "scratch" {
  bucket = "churn-scratch"
}
