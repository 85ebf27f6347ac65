/* The type catalog: which cloud services exist and what kind of DFD element each one is. */
#include "catalog.h"

#include <string.h>

#include "util.h"

#define P KIND_PROCESS
#define S KIND_DATA_STORE

static const struct catalog_type types[] = {
    {"aws.lambda", P, false, "AWS Lambda function"},
    {"aws.apigateway", P, false, "Amazon API Gateway"},
    {"aws.function-url", P, false, "Lambda function URL"},
    {"aws.cloudfront", P, false, "Amazon CloudFront"},
    {"aws.waf", P, false, "AWS WAF"},
    {"aws.stepfunctions", P, false, "AWS Step Functions"},
    {"aws.sns", P, false, "Amazon SNS topic"},
    {"aws.eventbridge", P, false, "Amazon EventBridge"},
    {"aws.cognito", P, false, "Amazon Cognito"},
    {"aws.kms", P, false, "AWS KMS"},
    {"aws.ses", P, false, "Amazon SES"},
    {"aws.elb", P, false, "Elastic Load Balancing"},
    {"aws.appsync", P, false, "AWS AppSync API"},
    {"aws.firehose", P, false, "Amazon Data Firehose"},
    {"aws.s3", S, false, "Amazon S3 bucket"},
    {"aws.dynamodb", S, false, "Amazon DynamoDB table"},
    {"aws.sqs", S, false, "Amazon SQS queue"},
    {"aws.kinesis", S, false, "Amazon Kinesis stream"},
    {"aws.rds", S, false, "Amazon RDS / Aurora"},
    {"aws.elasticache", S, false, "Amazon ElastiCache"},
    {"aws.efs", S, false, "Amazon EFS file system"},
    {"aws.secretsmanager", S, false, "AWS Secrets Manager"},
    {"aws.ssm-parameter", S, false, "SSM Parameter Store"},
    {"aws.cloudwatch-logs", S, true, "CloudWatch Logs"},
    {"aws.cloudtrail", S, true, "AWS CloudTrail"},
    {"azure.function", P, false, "Azure Function"},
    {"azure.apim", P, false, "Azure API Management"},
    {"azure.eventgrid", P, false, "Azure Event Grid"},
    {"azure.frontdoor", P, false, "Azure Front Door"},
    {"azure.entra", P, false, "Microsoft Entra ID"},
    {"azure.blob", S, false, "Azure Blob Storage"},
    {"azure.cosmosdb", S, false, "Azure Cosmos DB"},
    {"azure.servicebus", S, false, "Azure Service Bus"},
    {"azure.keyvault", S, false, "Azure Key Vault"},
    {"azure.appinsights", S, true, "Application Insights"},
    {"gcp.function", P, false, "Google Cloud Function"},
    {"gcp.apigateway", P, false, "Google API Gateway"},
    {"gcp.pubsub", P, false, "Google Pub/Sub"},
    {"gcp.identity-platform", P, false, "Google Identity Platform"},
    {"gcp.storage", S, false, "Google Cloud Storage"},
    {"gcp.firestore", S, false, "Google Firestore"},
    {"gcp.secretmanager", S, false, "Google Secret Manager"},
    {"gcp.logging", S, true, "Google Cloud Logging"},
};

#undef P
#undef S

const struct catalog_type *catalog_find(const char *type)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(types); i++)
		if (str_eq(types[i].id, type))
			return &types[i];
	return NULL;
}

const struct catalog_type *catalog_all(size_t *count)
{
	*count = ARRAY_SIZE(types);
	return types;
}

bool catalog_type_fits(const char *type, enum element_kind kind, const char **why)
{
	const struct catalog_type *t;

	if (str_starts_with(type, "generic.")) {
		if (slug_valid(type + strlen("generic.")))
			return true;
		*why = "a generic type is generic.NAME with NAME a lowercase slug";
		return false;
	}
	t = catalog_find(type);
	if (!t) {
		*why = "unknown type (see 'stridewalk list types'; generic.NAME fits anything)";
		return false;
	}
	if (t->kind != kind) {
		*why = t->kind == KIND_PROCESS ? "this type is a process"
					       : "this type is a data store";
		return false;
	}
	return true;
}
