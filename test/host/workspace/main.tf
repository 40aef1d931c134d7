terraform {
  backend "s3" {
    bucket = "greenml-state"
    key    = "sagemaker.tfstate"
    region = "ap-south-1"
  }
}

provider "aws" {
  region = "eu-north-1"
}

resource "aws_cloudwatch_log_group" "training" {
  name = "/aws/sagemaker/TrainingJobs"
}

resource "aws_cloudwatch_log_group" "endpoints" {
  name              = "/aws/sagemaker/Endpoints/churn"
  retention_in_days = 30
}
