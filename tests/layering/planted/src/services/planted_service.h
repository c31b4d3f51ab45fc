// A planted violation: a service header must not expose storage.
#include "storage/case_repository.h"
