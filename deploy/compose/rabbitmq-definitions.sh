#!/bin/sh
# The test vhost next to the default one, and each service's own user with least privilege;
# compose's health check of the broker runs it, so the services start once it has.
set -e
# Done once: later runs (the container's health check runs it) find the last user and stop.
rabbitmqctl -q list_users | grep -q '^p2g_notifications' && exit 0
rabbitmqctl add_vhost p2g_test || true
rabbitmqctl set_permissions -p p2g_test p2g '.*' '.*' '.*'
for service in registry matching scheduling notifications; do
  rabbitmqctl add_user "p2g_$service" "${P2G_MQ_PASSWORD:-p2g-local}" 2>/dev/null || rabbitmqctl change_password "p2g_$service" "${P2G_MQ_PASSWORD:-p2g-local}"
  for vhost in p2g p2g_test; do
    own="^($service\\..*|p2g\\.(events|commands|dead|retry))\$"
    rabbitmqctl set_permissions -p "$vhost" "p2g_$service" "$own" "$own" "$own"
    rabbitmqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.events "^$service\\." '.*'
    rabbitmqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.commands '^$' '.*'
    rabbitmqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.retry "^$service\\." '.*'
    rabbitmqctl set_topic_permissions -p "$vhost" "p2g_$service" p2g.dead "^$service\$" '.*'
  done
done
