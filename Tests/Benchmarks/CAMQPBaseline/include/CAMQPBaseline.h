#ifndef P2G_CAMQPBASELINE_H
#define P2G_CAMQPBASELINE_H
// The benchmark's baseline: the publish and consume loops written directly against
// librabbitmq, to compare the Swift client with.
#include <stddef.h>

typedef struct p2g_baseline_broker {
    char const *host;
    int port;
    char const *user;
    char const *password;
    char const *vhost;
} p2g_baseline_broker;

// Publishes `count` persistent messages of `size` bytes to `queue` through the default
// exchange, in batches of `batch`, waiting after each batch for the broker's confirms of all
// its messages. Returns 0 and the elapsed seconds, or -1 with a message in `error`.
int p2g_baseline_publish(p2g_baseline_broker broker, char const *queue, int count, int batch, int size,
                         double *seconds, char *error, size_t error_size);

// Consumes `count` messages from `queue` with manual acks and the given prefetch, acking
// each one. Returns 0 and the elapsed seconds, or -1 with a message in `error`.
int p2g_baseline_consume(p2g_baseline_broker broker, char const *queue, int count, int prefetch,
                         double *seconds, char *error, size_t error_size);
#endif
