// A planted violation: the engine must not see Qt.
#include <QString>
