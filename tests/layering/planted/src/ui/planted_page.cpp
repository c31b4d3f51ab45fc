// A planted violation: the layering test must reject this file (test layering_catches_violation).
#include "storage/database.h"
