#!/bin/sh
# The test vhost next to the default one: docker compose exec rabbitmq p2g-definitions.sh
set -e
rabbitmqctl add_vhost p2g_test || true
rabbitmqctl set_permissions -p p2g_test p2g '.*' '.*' '.*'
