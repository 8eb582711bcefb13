#!/usr/bin/env python3
"""Creates the AWS resources of the detection topology on an AWS endpoint (moto_server locally), idempotently.

Used by docker-compose.yml (the one-shot `aws-init` service, which runs it in the moto image: it has boto3) and by
scripts/local-topology.sh. On real AWS, create the same resources as deploy/README.md describes.

Creates: the readings Kinesis stream, optionally an anomaly output stream, the alert SNS topic, optionally an SQS
queue subscribed to the topic (how a local run sees what was published), and the grain-state DynamoDB table with
the key schema the silo's storage provider expects (partition key "PK", string, on-demand billing), so that silos
can run with DynamoDB__CreateIfNotExists=false as in production.

Prints NAME=value lines (shell-quoted) for the ARNs and URLs: STREAM_ARN, ANOMALY_STREAM_ARN, TOPIC_ARN, QUEUE_URL,
QUEUE_ARN, TABLE_NAME.
"""
import argparse
import os
import shlex
import sys
import time

import boto3
from botocore.exceptions import ClientError


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--endpoint", required=True, help="AWS endpoint URL, e.g. http://127.0.0.1:4566")
    parser.add_argument("--region", default=os.environ.get("AWS_REGION") or os.environ.get("AWS_DEFAULT_REGION") or "us-east-1")
    parser.add_argument("--stream", default="readings", help="readings stream name")
    parser.add_argument("--shards", type=int, default=2, help="shards of the readings stream")
    parser.add_argument("--anomaly-stream", default="", help="anomaly output stream name (none when empty)")
    parser.add_argument("--topic", default="iot-anomalies", help="alert topic name")
    parser.add_argument("--queue", default="", help="SQS queue subscribed to the topic (none when empty)")
    parser.add_argument("--table", default="iot-grain-state", help="grain state table name")
    parser.add_argument("--wait", type=float, default=60, help="seconds to wait for the endpoint to answer")
    return parser.parse_args(argv)


def client(service, args):
    return boto3.client(service, endpoint_url=args.endpoint, region_name=args.region)


def wait_for_endpoint(args):
    deadline = time.monotonic() + args.wait
    sts = client("sts", args)
    while True:
        try:
            sts.get_caller_identity()
            return
        except Exception as error:  # connection refused while the server starts
            if time.monotonic() > deadline:
                raise SystemExit(f"aws-init: {args.endpoint} did not answer within {args.wait:.0f} s: {error}")
            time.sleep(0.5)


def ensure_stream(kinesis, name, shards):
    try:
        kinesis.create_stream(StreamName=name, ShardCount=shards)
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceInUseException":
            raise
    kinesis.get_waiter("stream_exists").wait(StreamName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})
    return kinesis.describe_stream_summary(StreamName=name)["StreamDescriptionSummary"]["StreamARN"]


def ensure_table(dynamodb, name):
    try:
        dynamodb.create_table(
            TableName=name,
            BillingMode="PAY_PER_REQUEST",
            KeySchema=[{"AttributeName": "PK", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "PK", "AttributeType": "S"}],
        )
    except ClientError as error:
        if error.response["Error"]["Code"] != "ResourceInUseException":
            raise
    dynamodb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 1, "MaxAttempts": 60})


def ensure_queue_subscription(sqs, sns, queue_name, topic_arn):
    queue_url = sqs.create_queue(QueueName=queue_name)["QueueUrl"]
    queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    sns.subscribe(TopicArn=topic_arn, Protocol="sqs", Endpoint=queue_arn, ReturnSubscriptionArn=True)
    return queue_url, queue_arn


def main(argv):
    args = parse_args(argv)
    wait_for_endpoint(args)
    kinesis = client("kinesis", args)
    sns = client("sns", args)
    outputs = {"STREAM_ARN": ensure_stream(kinesis, args.stream, args.shards)}
    outputs["ANOMALY_STREAM_ARN"] = ensure_stream(kinesis, args.anomaly_stream, 1) if args.anomaly_stream else ""
    outputs["TOPIC_ARN"] = sns.create_topic(Name=args.topic)["TopicArn"]
    if args.queue:
        outputs["QUEUE_URL"], outputs["QUEUE_ARN"] = ensure_queue_subscription(client("sqs", args), sns, args.queue, outputs["TOPIC_ARN"])
    else:
        outputs["QUEUE_URL"] = outputs["QUEUE_ARN"] = ""
    ensure_table(client("dynamodb", args), args.table)
    outputs["TABLE_NAME"] = args.table
    for name, value in outputs.items():
        print(f"{name}={shlex.quote(value)}")
    print(f"aws-init: ready on {args.endpoint} ({args.region})", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
