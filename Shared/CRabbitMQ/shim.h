#ifndef P2G_CRABBITMQ_SHIM_H
#define P2G_CRABBITMQ_SHIM_H
// librabbitmq 0.11, the RabbitMQ C client (Debian: librabbitmq-dev).
#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <amqp_ssl_socket.h>

// amqp_login_with_properties takes the SASL credentials as C variadic arguments, which Swift
// cannot pass: this wrapper fixes the method to PLAIN and takes them as ordinary parameters.
static inline amqp_rpc_reply_t p2g_amqp_login_plain(amqp_connection_state_t state,
                                                    char const *vhost, int channel_max,
                                                    int frame_max, int heartbeat,
                                                    amqp_table_t const *properties,
                                                    char const *user, char const *password) {
    return amqp_login_with_properties(state, vhost, channel_max, frame_max, heartbeat,
                                      properties, AMQP_SASL_METHOD_PLAIN, user, password);
}
#endif
