/// An AMQP 0-9-1 client over librabbitmq.
public enum AMQP {}
