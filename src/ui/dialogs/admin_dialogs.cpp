#include "admin_dialogs.h"

#include "error_text.h"
#include "models/user_model.h"
#include "widgets/dialog_keys.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace rd::ui {
namespace {

QLabel* problemLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setObjectName(QStringLiteral("problem"));
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b71c1c;"));
    return label;
}

QString fromStd(const std::string& text) {
    return QString::fromStdString(text);
}

} // namespace

AddUserDialog::AddUserDialog(services::UserService& users, const User& actor,
                             const std::vector<std::string>& branches, QWidget* parent)
    : QDialog(parent), users_(users), actor_(actor), username_(new QLineEdit(this)),
      fullName_(new QLineEdit(this)), role_(new QComboBox(this)),
      branches_(new QStandardItemModel(this)), branchView_(new QListView(this)),
      problem_(problemLabel(this)),
      buttons_(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this)) {
    setObjectName(QStringLiteral("addUserDialog"));
    setWindowTitle(tr("Add user"));
    username_->setObjectName(QStringLiteral("username"));
    username_->setPlaceholderText(tr("e.g. okello.j"));
    username_->setMaxLength(64);
    fullName_->setObjectName(QStringLiteral("fullName"));
    fullName_->setPlaceholderText(tr("as shown on cases and receipts"));
    role_->setObjectName(QStringLiteral("role"));
    for (auto r : {Role::Officer, Role::Supervisor, Role::Admin})
        role_->addItem(roleText(r), static_cast<int>(r));
    for (const auto& b : branches) {
        auto* item = new QStandardItem(fromStd(b));
        item->setCheckable(true);
        item->setCheckState(Qt::Unchecked);
        item->setEditable(false);
        branches_->appendRow(item);
    }
    branchView_->setObjectName(QStringLiteral("branches"));
    branchView_->setModel(branches_);
    branchView_->setUniformItemSizes(true);
    branchView_->setMinimumHeight(140);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Add user"));

    auto* form = new QFormLayout;
    form->addRow(tr("&Username"), username_);
    form->addRow(tr("&Full name"), fullName_);
    form->addRow(tr("&Role"), role_);
    form->addRow(tr("&Branches"), branchView_);
    auto* intro = new QLabel(tr("The new user gets a temporary password, shown once when you "
                                "add them, and chooses their own at the first sign-in."),
                             this);
    intro->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons_);
    setMinimumWidth(460);

    connect(buttons_, &QDialogButtonBox::accepted, this, &AddUserDialog::accept);
    addSaveShortcut(this, buttons_);
    connect(buttons_, &QDialogButtonBox::rejected, this, &AddUserDialog::reject);
    connect(username_, &QLineEdit::textChanged, this, &AddUserDialog::validate);
    connect(role_, &QComboBox::currentIndexChanged, this, &AddUserDialog::validate);
    connect(branches_, &QStandardItemModel::itemChanged, this, &AddUserDialog::validate);
    validate();
}

bool AddUserDialog::setBranchChecked(const QString& branch, bool checked) {
    const auto found = branches_->findItems(branch);
    if (found.isEmpty())
        return false;
    found.front()->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    return true;
}

std::vector<std::string> AddUserDialog::checkedBranches() const {
    std::vector<std::string> out;
    for (int row = 0; row < branches_->rowCount(); ++row)
        if (branches_->item(row)->checkState() == Qt::Checked)
            out.push_back(branches_->item(row)->text().toStdString());
    return out;
}

QString AddUserDialog::problem() const {
    return problem_->text();
}

bool AddUserDialog::canSave() const {
    return buttons_->button(QDialogButtonBox::Ok)->isEnabled();
}

void AddUserDialog::validate() {
    static const QRegularExpression valid(QStringLiteral("^[a-z][a-z0-9._-]{1,63}$"));
    const QString name = username_->text().trimmed();
    const auto role = static_cast<Role>(role_->currentData().toInt());
    QString why;
    if (name.isEmpty())
        why = tr("Enter a username.");
    else if (!valid.match(name).hasMatch())
        why = tr("A username has 2 to 64 lower-case letters, digits, '.', '_' or '-', and "
                 "starts with a letter.");
    else if (role != Role::Admin && checkedBranches().empty())
        why = tr("Tick at least one branch: an officer or supervisor works in branches.");
    branchView_->setToolTip(
        role == Role::Admin ? tr("An administrator sees every branch; none needed.") : QString());
    // An empty username is the starting point, not a mistake: no red text yet.
    problem_->setText(name.isEmpty() ? QString() : why);
    auto* ok = buttons_->button(QDialogButtonBox::Ok);
    ok->setEnabled(why.isEmpty());
    ok->setToolTip(why);
}

void AddUserDialog::accept() {
    services::NewUser user;
    user.username = username_->text().trimmed().toStdString();
    user.fullName = fullName_->text().trimmed().toStdString();
    user.role = static_cast<Role>(role_->currentData().toInt());
    user.branches = checkedBranches();
    auto result = users_.addUser(actor_, user, std::nullopt);
    if (!result) {
        problem_->setText(reportError(this, result.error()));
        return;
    }
    issued_ = std::move(result).value();
    QDialog::accept();
}

TemporaryPasswordDialog::TemporaryPasswordDialog(const QString& username, const QString& password,
                                                 QWidget* parent)
    : QDialog(parent), password_(new QLineEdit(password, this)) {
    setObjectName(QStringLiteral("temporaryPasswordDialog"));
    setWindowTitle(tr("Temporary password"));
    password_->setObjectName(QStringLiteral("temporaryPassword"));
    password_->setReadOnly(true);
    password_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* copy = new QPushButton(tr("&Copy"), this);
    copy->setObjectName(QStringLiteral("copyPassword"));
    auto* text = new QLabel(tr("The temporary password of <b>%1</b> is shown <b>only this "
                               "once</b>. Give it to them in person; they choose their own "
                               "password when they first sign in.")
                                .arg(username.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    auto* row = new QHBoxLayout;
    row->addWidget(password_, 1);
    row->addWidget(copy);
    auto* copied = new QLabel(this);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addLayout(row);
    layout->addWidget(copied);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    connect(copy, &QPushButton::clicked, this, [this, copied] {
        QApplication::clipboard()->setText(password_->text());
        copied->setText(tr("Copied to the clipboard."));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    password_->selectAll();
    password_->setFocus();
}

QString TemporaryPasswordDialog::password() const {
    return password_->text();
}

EditSettingDialog::EditSettingDialog(services::SettingsService& settings, const User& actor,
                                     services::SettingView setting, QWidget* parent)
    : QDialog(parent), settings_(settings), actor_(actor), setting_(std::move(setting)),
      value_(new QLineEdit(fromStd(setting_.value), this)), problem_(problemLabel(this)),
      normalised_(new QLabel(this)), save_(nullptr) {
    setObjectName(QStringLiteral("editSettingDialog"));
    setWindowTitle(tr("Change setting %1").arg(fromStd(setting_.key)));
    value_->setObjectName(QStringLiteral("value"));
    normalised_->setObjectName(QStringLiteral("normalised"));
    normalised_->setStyleSheet(QStringLiteral("color: #555;"));
    // The key and its meaning above the form; values wrap after their commas (a zero-width
    // space is a line-break opportunity), so long lists such as the priority weights show whole.
    const auto wrapped = [this](const std::string& text) {
        auto* label = new QLabel(fromStd(text).replace(u',', QStringLiteral(",\u200B")), this);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        return label;
    };
    auto* title =
        new QLabel(QStringLiteral("<b>%1</b>").arg(fromStd(setting_.key).toHtmlEscaped()), this);
    auto* description = wrapped(setting_.description);
    auto* defaultRow = new QHBoxLayout;
    auto* useDefault = new QPushButton(tr("Use &default"), this);
    useDefault->setObjectName(QStringLiteral("useDefault"));
    useDefault->setAutoDefault(false);
    defaultRow->addWidget(wrapped(setting_.defaultValue), 1);
    defaultRow->addWidget(useDefault, 0, Qt::AlignTop);

    auto* form = new QFormLayout;
    form->addRow(tr("Default"), defaultRow);
    form->addRow(tr("In force"), wrapped(setting_.value));
    form->addRow(tr("&New value"), value_);
    form->addRow(QString(), normalised_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    save_ = buttons->button(QDialogButtonBox::Save);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(description);
    layout->addLayout(form);
    layout->addWidget(problem_);
    layout->addWidget(buttons);
    setMinimumWidth(560);

    connect(buttons, &QDialogButtonBox::accepted, this, &EditSettingDialog::accept);
    addSaveShortcut(this, buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &EditSettingDialog::reject);
    connect(useDefault, &QPushButton::clicked, this,
            [this] { value_->setText(fromStd(setting_.defaultValue)); });
    connect(value_, &QLineEdit::textChanged, this, &EditSettingDialog::validate);
    validate();
    value_->selectAll();
    value_->setFocus();
}

QString EditSettingDialog::problem() const {
    return problem_->text();
}

void EditSettingDialog::validate() {
    // The same check the service makes on save, as the administrator types.
    const auto checked =
        settings_.validate(actor_, setting_.key, value_->text().trimmed().toStdString());
    if (!checked) {
        problem_->setText(errorText(checked.error()));
        normalised_->clear();
        save_->setEnabled(false);
        save_->setToolTip(problem_->text());
        return;
    }
    problem_->clear();
    const QString text = fromStd(*checked);
    normalised_->setText(text == value_->text().trimmed() ? QString()
                                                          : tr("will be stored as %1").arg(text));
    const bool unchanged = *checked == setting_.value;
    save_->setEnabled(!unchanged);
    save_->setToolTip(unchanged ? tr("This is the value in force already.") : QString());
}

void EditSettingDialog::accept() {
    auto result = settings_.change(actor_, setting_.key, value_->text().trimmed().toStdString());
    if (!result) {
        problem_->setText(reportError(this, result.error()));
        return;
    }
    stored_ = *result;
    QDialog::accept();
}

} // namespace rd::ui
