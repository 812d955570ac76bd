#include "CAMQPBaseline.h"

#include <amqp.h>
#include <amqp_framing.h>
#include <amqp_tcp_socket.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int fail_status(char *error, size_t error_size, char const *what, int status) {
    snprintf(error, error_size, "%s: %s", what, amqp_error_string2(status));
    return -1;
}

static int fail_reply(char *error, size_t error_size, char const *what, amqp_rpc_reply_t reply) {
    switch (reply.reply_type) {
    case AMQP_RESPONSE_NORMAL:
        return 0;
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
        return fail_status(error, error_size, what, reply.library_error);
    case AMQP_RESPONSE_SERVER_EXCEPTION:
        snprintf(error, error_size, "%s: the broker closed the channel or connection (method 0x%08x)", what,
                 reply.reply.id);
        return -1;
    default:
        snprintf(error, error_size, "%s: no reply", what);
        return -1;
    }
}

static amqp_connection_state_t open_connection(p2g_baseline_broker broker, char *error, size_t error_size) {
    amqp_connection_state_t conn = amqp_new_connection();
    amqp_socket_t *socket = amqp_tcp_socket_new(conn);
    if (socket == NULL) {
        snprintf(error, error_size, "amqp_tcp_socket_new failed");
        amqp_destroy_connection(conn);
        return NULL;
    }
    int status = amqp_socket_open(socket, broker.host, broker.port);
    if (status != AMQP_STATUS_OK) {
        fail_status(error, error_size, "amqp_socket_open", status);
        amqp_destroy_connection(conn);
        return NULL;
    }
    amqp_rpc_reply_t reply = amqp_login(conn, broker.vhost, 0, AMQP_DEFAULT_FRAME_SIZE, 20, AMQP_SASL_METHOD_PLAIN,
                                        broker.user, broker.password);
    if (fail_reply(error, error_size, "amqp_login", reply) != 0) {
        amqp_destroy_connection(conn);
        return NULL;
    }
    amqp_channel_open(conn, 1);
    if (fail_reply(error, error_size, "amqp_channel_open", amqp_get_rpc_reply(conn)) != 0) {
        amqp_destroy_connection(conn);
        return NULL;
    }
    return conn;
}

static void close_connection(amqp_connection_state_t conn) {
    amqp_channel_close(conn, 1, AMQP_REPLY_SUCCESS);
    amqp_connection_close(conn, AMQP_REPLY_SUCCESS);
    amqp_destroy_connection(conn);
}

int p2g_baseline_publish(p2g_baseline_broker broker, char const *queue, int count, int batch, int size,
                         double *seconds, char *error, size_t error_size) {
    amqp_connection_state_t conn = open_connection(broker, error, error_size);
    if (conn == NULL) return -1;
    amqp_confirm_select(conn, 1);
    if (fail_reply(error, error_size, "amqp_confirm_select", amqp_get_rpc_reply(conn)) != 0) {
        amqp_destroy_connection(conn);
        return -1;
    }

    char *body = malloc((size_t)size);
    memset(body, 'x', (size_t)size);
    amqp_bytes_t body_bytes = {(size_t)size, body};
    char *confirmed = malloc((size_t)batch);
    char message_id[32];
    uint64_t next_tag = 1;
    int result = 0;

    double start = now();
    for (int sent = 0; sent < count && result == 0;) {
        int in_batch = count - sent < batch ? count - sent : batch;
        uint64_t last_tag = next_tag + (uint64_t)in_batch - 1;
        for (int i = 0; i < in_batch; i++, sent++, next_tag++) {
            amqp_basic_properties_t properties;
            properties._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG |
                                AMQP_BASIC_MESSAGE_ID_FLAG;
            properties.content_type = amqp_cstring_bytes("application/json");
            properties.delivery_mode = AMQP_DELIVERY_PERSISTENT;
            snprintf(message_id, sizeof message_id, "m-%d", sent);
            properties.message_id = amqp_cstring_bytes(message_id);
            int status = amqp_basic_publish(conn, 1, amqp_empty_bytes, amqp_cstring_bytes(queue), 0, 0,
                                            &properties, body_bytes);
            if (status != AMQP_STATUS_OK) {
                result = fail_status(error, error_size, "amqp_basic_publish", status);
                break;
            }
        }
        // Wait for the confirms of the whole batch; an ack may cover many tags (multiple).
        uint64_t first_tag = last_tag - (uint64_t)in_batch + 1;
        memset(confirmed, 0, (size_t)batch);
        int confirmed_count = 0;
        while (result == 0 && confirmed_count < in_batch) {
            amqp_frame_t frame;
            int status = amqp_simple_wait_frame(conn, &frame);
            if (status != AMQP_STATUS_OK) {
                result = fail_status(error, error_size, "amqp_simple_wait_frame", status);
                break;
            }
            if (frame.frame_type != AMQP_FRAME_METHOD) continue;
            if (frame.payload.method.id == AMQP_BASIC_ACK_METHOD) {
                amqp_basic_ack_t *ack = frame.payload.method.decoded;
                uint64_t from = ack->multiple ? first_tag : ack->delivery_tag;
                for (uint64_t tag = from; tag <= ack->delivery_tag && tag <= last_tag; tag++) {
                    if (tag >= first_tag && !confirmed[tag - first_tag]) {
                        confirmed[tag - first_tag] = 1;
                        confirmed_count++;
                    }
                }
            } else if (frame.payload.method.id == AMQP_BASIC_NACK_METHOD) {
                snprintf(error, error_size, "the broker nacked a message");
                result = -1;
            } else if (frame.payload.method.id == AMQP_CHANNEL_CLOSE_METHOD ||
                       frame.payload.method.id == AMQP_CONNECTION_CLOSE_METHOD) {
                snprintf(error, error_size, "the broker closed the channel or connection");
                result = -1;
            }
        }
        amqp_maybe_release_buffers(conn);
    }
    *seconds = now() - start;

    free(body);
    free(confirmed);
    close_connection(conn);
    return result;
}

int p2g_baseline_consume(p2g_baseline_broker broker, char const *queue, int count, int prefetch,
                         double *seconds, char *error, size_t error_size) {
    amqp_connection_state_t conn = open_connection(broker, error, error_size);
    if (conn == NULL) return -1;
    int result = 0;

    double start = now();
    amqp_basic_qos(conn, 1, 0, (uint16_t)prefetch, 0);
    if (fail_reply(error, error_size, "amqp_basic_qos", amqp_get_rpc_reply(conn)) != 0) {
        amqp_destroy_connection(conn);
        return -1;
    }
    amqp_basic_consume(conn, 1, amqp_cstring_bytes(queue), amqp_empty_bytes, 0, 0, 0, amqp_empty_table);
    if (fail_reply(error, error_size, "amqp_basic_consume", amqp_get_rpc_reply(conn)) != 0) {
        amqp_destroy_connection(conn);
        return -1;
    }
    for (int received = 0; received < count; received++) {
        amqp_envelope_t envelope;
        amqp_maybe_release_buffers(conn);
        amqp_rpc_reply_t reply = amqp_consume_message(conn, &envelope, NULL, 0);
        if (fail_reply(error, error_size, "amqp_consume_message", reply) != 0) {
            result = -1;
            break;
        }
        int status = amqp_basic_ack(conn, 1, envelope.delivery_tag, 0);
        amqp_destroy_envelope(&envelope);
        if (status != AMQP_STATUS_OK) {
            result = fail_status(error, error_size, "amqp_basic_ack", status);
            break;
        }
    }
    *seconds = now() - start;

    close_connection(conn);
    return result;
}
