/*
 * Generates infrastructure code for the import benchmark (scripts/bench), deterministic:
 *
 *   geniac --cfn N     a SAM template of about N resources: each unit is a function behind the
 *                      template's API, fed by its queue (with a dead-letter queue), writing to
 *                      its table, with its log group
 *   geniac --tfplan N  `terraform show -json` output of about N resources: each unit is a
 *                      function with its role and policy, table, queue and dead-letter queue,
 *                      event source mapping, log group, bucket and bucket versioning, with the
 *                      configuration's references and values known only after apply
 *
 * Output goes to stdout, or to -o FILE.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void cfn(FILE *out, int n)
{
	int units = n / 5, i;

	fprintf(out,
		"AWSTemplateFormatVersion: '2010-09-09'\n"
		"Transform: AWS::Serverless-2016-10-31\n"
		"Description: Generated benchmark template, %d units of 5 resources\n"
		"Globals:\n  Function:\n    Runtime: python3.12\n    Timeout: 30\n"
		"Resources:\n",
		units);
	for (i = 0; i < units; i++) {
		fprintf(
		    out,
		    "  Fn%d:\n"
		    "    Type: AWS::Serverless::Function\n"
		    "    Properties:\n"
		    "      Handler: fn%d.handler\n"
		    "      Environment:\n"
		    "        Variables:\n"
		    "          TABLE_NAME: !Ref Table%d\n"
		    "          API_TOKEN: not-a-real-token-%d\n"
		    "      Policies:\n"
		    "        - DynamoDBCrudPolicy: {TableName: !Ref Table%d}\n"
		    "        - SQSPollerPolicy: {QueueName: !GetAtt Queue%d.QueueName}\n"
		    "        - Statement:\n"
		    "            - Effect: Allow\n"
		    "              Action: [s3:GetObject]\n"
		    "              Resource: !Sub 'arn:aws:s3:::assets-%d/*'\n"
		    "      Events:\n"
		    "        Api:\n"
		    "          Type: Api\n"
		    "          Properties: {Path: /items/%d, Method: post}\n"
		    "        Work:\n"
		    "          Type: SQS\n"
		    "          Properties: {Queue: !GetAtt Queue%d.Arn}\n"
		    "  Table%d:\n"
		    "    Type: AWS::DynamoDB::Table\n"
		    "    Properties:\n"
		    "      BillingMode: PAY_PER_REQUEST\n"
		    "      PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}\n"
		    "  Queue%d:\n"
		    "    Type: AWS::SQS::Queue\n"
		    "    Properties:\n"
		    "      RedrivePolicy: {deadLetterTargetArn: !GetAtt Dlq%d.Arn, "
		    "maxReceiveCount: 3}\n"
		    "  Dlq%d:\n"
		    "    Type: AWS::SQS::Queue\n"
		    "  Logs%d:\n"
		    "    Type: AWS::Logs::LogGroup\n"
		    "    Properties:\n"
		    "      LogGroupName: !Sub /aws/lambda/${Fn%d}\n"
		    "      RetentionInDays: 30\n",
		    i, i, i, i, i, i, i, i, i, i, i, i, i, i, i);
	}
}

/* One planned resource and its configuration, appended to the two JSON arrays. */
struct plan {
	FILE *values, *config, *changes;
	int count;
};

static void resource(struct plan *p, const char *type, const char *name, const char *values,
		     const char *expressions, const char *unknown)
{
	const char *sep = p->count++ ? ",\n" : "";

	fprintf(
	    p->values,
	    "%s{\"address\": \"%s.%s\", \"mode\": \"managed\", \"type\": \"%s\", \"name\": \"%s\", "
	    "\"provider_name\": \"registry.terraform.io/hashicorp/aws\", \"schema_version\": 0, "
	    "\"values\": {%s}, \"sensitive_values\": {}}",
	    sep, type, name, type, name, values);
	fprintf(
	    p->config,
	    "%s{\"address\": \"%s.%s\", \"mode\": \"managed\", \"type\": \"%s\", \"name\": \"%s\", "
	    "\"provider_config_key\": \"aws\", \"expressions\": {%s}, \"schema_version\": 0}",
	    sep, type, name, type, name, expressions);
	fprintf(
	    p->changes,
	    "%s{\"address\": \"%s.%s\", \"mode\": \"managed\", \"type\": \"%s\", \"name\": \"%s\", "
	    "\"change\": {\"actions\": [\"create\"], \"before\": null, \"after\": {%s}, "
	    "\"after_unknown\": {%s}}}",
	    sep, type, name, type, name, values, unknown);
}

static void copy(FILE *to, FILE *from)
{
	char buf[65536];
	size_t n;

	rewind(from);
	while ((n = fread(buf, 1, sizeof(buf), from)) > 0)
		fwrite(buf, 1, n, to);
	fclose(from);
}

static void tfplan(FILE *out, int n)
{
	struct plan p = {tmpfile(), tmpfile(), tmpfile(), 0};
	int units = n / 10, i;
	char v[1024], e[1024], name[32];

	if (!p.values || !p.config || !p.changes) {
		perror("geniac: tmpfile");
		exit(1);
	}
	for (i = 0; i < units; i++) {
#define REF(a) "{\"references\": [\"" a "\"]}"
		snprintf(name, sizeof(name), "u%d", i);
		snprintf(v, sizeof(v),
			 "\"name\": \"role-%d\", \"assume_role_policy\": "
			 "\"{\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\",\\\"Principal\\\":"
			 "{\\\"Service\\\":\\\"lambda.amazonaws.com\\\"},\\\"Action\\\":"
			 "\\\"sts:AssumeRole\\\"}]}\"",
			 i);
		resource(&p, "aws_iam_role", name, v, "\"name\": {\"constant_value\": \"role\"}",
			 "\"arn\": true, \"id\": true");
		snprintf(
		    e, sizeof(e),
		    "\"role\": {\"references\": [\"aws_iam_role.u%d.id\", \"aws_iam_role.u%d\"]}, "
		    "\"policy\": {\"references\": [\"aws_dynamodb_table.u%d.arn\", "
		    "\"aws_dynamodb_table.u%d\", \"aws_sqs_queue.u%d.arn\", "
		    "\"aws_sqs_queue.u%d\"]}",
		    i, i, i, i, i, i);
		resource(&p, "aws_iam_role_policy", name, "\"name\": \"access\"", e,
			 "\"policy\": true, \"role\": true, \"id\": true");
		snprintf(v, sizeof(v),
			 "\"function_name\": \"fn-%d\", \"runtime\": \"python3.12\", \"handler\": "
			 "\"app.handler\", \"timeout\": 30, \"memory_size\": 256, "
			 "\"reserved_concurrent_executions\": -1, \"tracing_config\": [{\"mode\": "
			 "\"Active\"}], \"environment\": [{\"variables\": {\"MODE\": \"batch\"}}]",
			 i);
		snprintf(
		    e, sizeof(e),
		    "\"role\": {\"references\": [\"aws_iam_role.u%d.arn\", \"aws_iam_role.u%d\"]}, "
		    "\"environment\": [{\"variables\": {\"references\": "
		    "[\"aws_dynamodb_table.u%d.name\", "
		    "\"aws_dynamodb_table.u%d\"]}}]",
		    i, i, i, i);
		resource(&p, "aws_lambda_function", name, v, e, "\"arn\": true, \"role\": true");
		snprintf(v, sizeof(v),
			 "\"name\": \"table-%d\", \"billing_mode\": \"PAY_PER_REQUEST\", "
			 "\"point_in_time_recovery\": [{\"enabled\": true}]",
			 i);
		resource(&p, "aws_dynamodb_table", name, v, "\"name\": {\"constant_value\": \"t\"}",
			 "\"arn\": true");
		snprintf(v, sizeof(v), "\"name\": \"jobs-%d\", \"sqs_managed_sse_enabled\": true",
			 i);
		snprintf(e, sizeof(e),
			 "\"redrive_policy\": {\"references\": [\"aws_sqs_queue.d%d.arn\", "
			 "\"aws_sqs_queue.d%d\"]}",
			 i, i);
		resource(&p, "aws_sqs_queue", name, v, e,
			 "\"arn\": true, \"redrive_policy\": true");
		snprintf(name, sizeof(name), "d%d", i);
		snprintf(v, sizeof(v), "\"name\": \"jobs-dlq-%d\"", i);
		resource(&p, "aws_sqs_queue", name, v, "\"name\": {\"constant_value\": \"d\"}",
			 "\"arn\": true");
		snprintf(name, sizeof(name), "u%d", i);
		snprintf(e, sizeof(e),
			 "\"event_source_arn\": {\"references\": [\"aws_sqs_queue.u%d.arn\", "
			 "\"aws_sqs_queue.u%d\"]}, \"function_name\": {\"references\": "
			 "[\"aws_lambda_function.u%d.arn\", \"aws_lambda_function.u%d\"]}",
			 i, i, i, i);
		resource(&p, "aws_lambda_event_source_mapping", name, "\"batch_size\": 10", e,
			 "\"uuid\": true");
		snprintf(v, sizeof(v), "\"name\": \"/aws/lambda/fn-%d\", \"retention_in_days\": 14",
			 i);
		resource(&p, "aws_cloudwatch_log_group", name, v,
			 "\"name\": {\"constant_value\": \"l\"}", "\"arn\": true");
		snprintf(v, sizeof(v), "\"bucket\": \"assets-%d\"", i);
		resource(&p, "aws_s3_bucket", name, v, "\"bucket\": {\"constant_value\": \"b\"}",
			 "\"arn\": true");
		snprintf(e, sizeof(e),
			 "\"bucket\": {\"references\": [\"aws_s3_bucket.u%d.id\", "
			 "\"aws_s3_bucket.u%d\"]}",
			 i, i);
		resource(&p, "aws_s3_bucket_versioning", name,
			 "\"versioning_configuration\": [{\"status\": \"Enabled\"}]", e,
			 "\"id\": true");
#undef REF
	}
	fputs("{\"format_version\": \"1.2\", \"terraform_version\": \"1.7.5\",\n"
	      "\"planned_values\": {\"root_module\": {\"resources\": [\n",
	      out);
	copy(out, p.values);
	fputs("]}},\n\"resource_changes\": [\n", out);
	copy(out, p.changes);
	fputs("],\n\"configuration\": {\"provider_config\": {\"aws\": {\"name\": \"aws\"}}, "
	      "\"root_module\": {\"resources\": [\n",
	      out);
	copy(out, p.config);
	fputs("]}}}\n", out);
}

int main(int argc, char **argv)
{
	FILE *out = stdout;
	int i, cfn_n = 0, tf_n = 0;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--cfn") && i + 1 < argc)
			cfn_n = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--tfplan") && i + 1 < argc)
			tf_n = atoi(argv[++i]);
		else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
			out = fopen(argv[++i], "w");
			if (!out) {
				perror(argv[i]);
				return 1;
			}
		} else {
			fprintf(stderr, "usage: geniac --cfn N | --tfplan N [-o FILE]\n");
			return 2;
		}
	}
	if (cfn_n > 0)
		cfn(out, cfn_n);
	else if (tf_n > 0)
		tfplan(out, tf_n);
	else {
		fprintf(stderr, "usage: geniac --cfn N | --tfplan N [-o FILE]\n");
		return 2;
	}
	return fclose(out) ? 1 : 0;
}
