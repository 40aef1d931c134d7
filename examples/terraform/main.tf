# Feature store exports and model images for the churn team.

provider "aws" {
  region = "eu-west-1"
}

resource "aws_s3_bucket" "exports" {
  bucket = "acme-churn-feature-exports"
}

resource "aws_ecr_repository" "inference" {
  name                 = "churn-inference"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_cloudwatch_log_group" "batch" {
  name = "/aws/sagemaker/TransformJobs"
}

resource "aws_sagemaker_endpoint_configuration" "scoring" {
  name = "churn-scoring"

  production_variants {
    variant_name           = "AllTraffic"
    model_name             = "churn-scoring"
    instance_type          = "ml.c5.xlarge"
    initial_instance_count = 1
  }
}

resource "aws_sagemaker_endpoint" "scoring" {
  name                 = "churn-scoring"
  endpoint_config_name = aws_sagemaker_endpoint_configuration.scoring.name
}
