#ifndef P2G_CRABBITMQ_SHIM_H
#define P2G_CRABBITMQ_SHIM_H
// librabbitmq 0.11, the RabbitMQ C client (Debian: librabbitmq-dev).
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>
#endif
