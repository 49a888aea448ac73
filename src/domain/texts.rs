//! Every text the widget shows or announces, as one key each, with its English wording: the
//! English source that every catalogue in `i18n/` translates, line for line, in this order:
//! [`Text`], then the import's [`ImportText`], then blocking a channel's [`BlockText`].
//!
//! `{name}` marks a value put in; a text with a count is its plural forms separated by `|`, in
//! the order of [`crate::domain::language::Language::plural`] (English: one|other).

macro_rules! texts {
    ($(#[$doc:meta])* $enum:ident, $english:ident, $names:ident; $($key:ident = $text:literal,)*) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $enum {
            $(#[doc = concat!("`", $text, "`")] $key,)*
        }

        /// The English texts, indexed by the key.
        pub const $english: &[&str] = &[$($text,)*];

        /// The keys' names, as the catalogues write them (for the catalogue check).
        #[cfg(test)]
        pub const $names: &[&str] = &[$(stringify!($key),)*];
    };
}

texts! {
    /// A text of the widget; its English wording is its doc.
    Text, ENGLISH, NAMES;
    // Labels and buttons (the `labels` option's keys override these).
    Name = "Name",
    Email = "Email",
    Phone = "Phone",
    ContactManager = "Contact manager",
    Register = "Register contact",
    Update = "Update contact",
    NewContact = "New contact",
    SignOut = "Sign out",
    User = "Username or email",
    Password = "Password",
    Code = "Two-factor code",
    SignIn = "Sign in",
    // The contact form.
    Optional = "Optional.",
    PhoneHint = "Optional. With the country code: +44 20 7946 0958 is saved as +442079460958.",
    ManagerHint = "Optional. The Rocket.Chat username of the agent in charge: type a name to see suggestions.",
    Choose = "Choose…",
    Agents = "Agents",
    DraftRestored = "Draft restored: what was typed here before the page closed is back. It is kept until it is saved or you start a new contact.",
    CustomFieldsMissing = "The server's custom fields could not be loaded, so they are not shown; saving tries again. {error}",
    WaitForSave = "Wait until the save finishes, then start a new contact.",
    ReadyForNew = "Ready for a new contact.",
    SignedOutNow = "Signed out.",
    // Sign-in.
    SignInForm = "Sign in to Rocket.Chat",
    SignInIntro = "Sign in with your Rocket.Chat account to save contacts.",
    EnterUser = "Enter your username or email.",
    EnterPassword = "Enter your password.",
    EnterCode = "Enter the two-factor code.",
    FillHighlighted = "Fill in the highlighted fields to sign in.",
    SigningIn = "Signing in…",
    SignedIn = "Signed in.",
    SignedInHere = "Signed in for this page only. {reason}",
    CodeByEmail = "Enter the two-factor code that was sent to your email.",
    CodeFromApp = "Enter the two-factor code from your authenticator app.",
    CodeInvalid = "That two-factor code is not valid. Check it and try again.",
    WrongCredentials = "Wrong username, email or password.",
    // Saving.
    LoadingContact = "Loading the contact…",
    CheckingLastSave = "Checking whether the last save reached the server…",
    CheckingDuplicate = "Checking whether this contact already exists…",
    Saving = "Saving…",
    Registered = "Contact registered (id {id}).",
    Updated = "Contact updated (id {id}).",
    NeedAttention = "One field needs attention before saving.|{count} fields need attention before saving.",
    MayExist = "Not saved: this contact may already exist. Choose below what to do.",
    NoCrypto = "This browser cannot make a secure random token (no Web Crypto), so the contact cannot be saved.",
    ContactGone = "The remembered contact (id {id}) no longer exists on the server; saving registers it again.",
    QueuedOffline = "You are offline. The contact is not saved yet: it will be sent as soon as the connection is back. What you typed is kept.",
    QueuedWait = "Too many requests: the server asks to wait {count} second. The contact will be sent again by itself then; what you typed is kept.|Too many requests: the server asks to wait {count} seconds. The contact will be sent again by itself then; what you typed is kept.",
    // The duplicate notice.
    PossibleDuplicate = "Possible duplicate",
    UpdateThat = "Update that contact",
    RegisterAnyway = "Register anyway",
    GoBack = "Go back",
    NoName = "(no name)",
    SameEmail = "A contact with the email {value} already exists: {name} (id {id}). Update that contact instead, register a separate contact anyway, or go back.",
    SamePhone = "A contact with the phone {value} already exists: {name} (id {id}). Update that contact instead, register a separate contact anyway, or go back.",
    SameEmailTakesOver = "A contact with the email {value} already exists: {name} (id {id}). Registering would take that contact over and replace its details. Update that contact instead, or go back and change the email.",
    SamePhoneTakesOver = "A contact with the phone {value} already exists: {name} (id {id}). Registering would take that contact over and replace its details. Update that contact instead, or go back and change the phone.",
    NowUpdating = "Now updating {name} (id {id}). Empty fields were filled in from it; check them, then press the update button.",
    // Field errors.
    NameMissing = "Enter the contact's name.",
    NameTooLong = "The name is too long: at most {count} character.|The name is too long: at most {count} characters.",
    EmailShape = "Enter an email address like name@example.com.",
    EmailCharacters = "An email address cannot contain spaces or any of ( ) < > [ ] , ; : \\ \".",
    EmailDomain = "The part after @ must be a domain such as example.com.",
    EmailTooLong = "The email address is too long: at most {count} character.|The email address is too long: at most {count} characters.",
    PhoneCharacters = "A phone number may contain only digits, spaces, dashes, dots, parentheses and a leading +.",
    PhoneCountryCode = "Start the number with its country code: +44 20 7946 0958 or 0044 20 7946 0958 is saved as +442079460958.",
    PhoneCountryUnknown = "+{code} is not a country calling code: check the digits after the + (or 00).",
    PhoneNationalLength = "A +{code} number has {count} digit after the country code.|A +{code} number has {count} digits after the country code.",
    PhoneLength = "A phone number has {min} to {max} digits, country code included.",
    UsernameCharacters = "A username has only letters, digits, dots, dashes and underscores.",
    UsernameTooLong = "The username is too long: at most {count} character.|The username is too long: at most {count} characters.",
    ManagerUnknown = "No Rocket.Chat user has this username.",
    ManagerNotAgent = "This user is not a livechat agent, so cannot manage contacts.",
    CustomMissing = "Enter {label}: this server requires it.",
    CustomFormat = "{label} is not in the format this server expects.",
    CustomNotAnOption = "Choose one of the listed values for {label}.",
    CustomRefused = "The server refused this value for {label}.",
    // The server's answers.
    Rejected = "The server refused the contact: {message}",
    SignedOut = "You are signed out (the server no longer accepts your sign-in). Sign in again; what you typed is kept.",
    Forbidden = "Your Rocket.Chat user may not manage omnichannel contacts: it needs the {permission} permission (roles livechat-agent, livechat-manager or admin). The server said: {message}",
    ForbiddenToDelete = "Your Rocket.Chat user may not delete omnichannel contacts: it needs the {permission} permission (roles livechat-manager or admin). The server said: {message}",
    RateLimited = "Too many requests. Wait {count} second, then try again; what you typed is kept.|Too many requests. Wait {count} seconds, then try again; what you typed is kept.",
    RateLimitedMinute = "Too many requests. Wait a minute, then try again; what you typed is kept.",
    ServerProblem = "The server had a problem (HTTP {status}). Try again in a moment; what you typed is kept.",
    NotJson = "The server's answer is not Rocket.Chat's API (HTTP {status}, not JSON). Check the server address.",
    Unexpected = "The server's answer was not understood (HTTP {status}). Check that the server is Rocket.Chat.",
    Network = "Could not reach the server. Check the connection and the server address, then try again.",
    Timeout = "The server did not answer within {count} second, so the request was cancelled. What you typed is kept; try again.|The server did not answer within {count} seconds, so the request was cancelled. What you typed is kept; try again.",
    Cors = "The server at {server} refuses requests from this page's site (CORS). An administrator must turn on \"Enable CORS\" in Rocket.Chat (Admin > General > REST API), or serve this page through a same-origin proxy.",
    // Settings and the browser.
    BadServer = "The server address \"{server}\" is not an http:// or https:// URL, e.g. https://chat.example.com.",
    InsecureServer = "The server address \"{server}\" uses plain http://, so the password and sign-in token would travel unencrypted. Use its https:// address, or, on a network you trust, set the option allowInsecure: true.",
    StorageUnavailable = "This browser does not let the form store data here, so this contact cannot be remembered after the page closes.",
    StorageFull = "This browser's storage for this site is full, so this contact and unsaved typing cannot be remembered after the page closes.",
    // Finding and opening a contact.
    FindContact = "Find a contact",
    Contacts = "Contacts",
    ShowMore = "Show more",
    NoMatch = "No contact matches “{text}”.",
    Searching = "Searching…",
    Unsaved = "Unsaved changes",
    OpenAnyway = "You have unsaved changes. Open {name} anyway?",
    OpenContact = "Open contact",
    KeepEditing = "Keep editing",
    NoSuchContact = "No contact with id {id}.",
    Opening = "Opening the contact…",
    Opened = "Contact {name} (id {id}) opened. Change what you need, then press the update button.",
    // Deleting a Contact Center contact.
    DeleteContact = "Delete contact",
    DeleteConfirm = "Delete {name}? This cannot be undone.",
    Delete = "Delete",
    Cancel = "Cancel",
    Deleting = "Deleting the contact…",
    Deleted = "Contact deleted.",
    CannotDelete = "This Rocket.Chat cannot delete contacts through its API.",
    // Conflicting values.
    HasConflicts = "This contact has conflicting values",
    Resolve = "Resolve",
    Resolving = "Saving the values chosen…",
    Resolved = "Conflicting values resolved.",
    NoValue = "(no value)",
    // Every email and phone of a Contact Center contact.
    EmailRow = "Email {n}",
    PhoneRow = "Phone {n}",
    AddEmail = "Add email",
    AddPhone = "Add phone",
    RemoveEmail = "Remove email {n}",
    RemovePhone = "Remove phone {n}",
    AlreadyListed = "Already listed above.",
    SaveAnyway = "Save anyway",
    OtherHasEmail = "Another contact already has the email {value}: {name} (id {id}). Save anyway, or go back and change it.",
    OtherHasPhone = "Another contact already has the phone {value}: {name} (id {id}). Save anyway, or go back and change it.",
    // A contact shared by a team.
    ChangedOnServer = "{name} was changed on the server since you opened it.",
    SaveTheseValues = "Save these values",
    KeptChange = "{fields} was changed by someone else and is kept.",
    KeptChanges = "{fields} were changed by someone else and are kept.",
    // The contact's conversations.
    Conversations = "Conversations",
    LoadingConversations = "Loading conversations…",
    LoadingPart = "Loading…",
    PartUnavailable = "This part of the form could not be loaded. Check the connection and try again; the rest of the form works as before.",
    TryAgain = "Try again",
    ShowingOf = "Showing {shown} of {total}",
    NoConversations = "No conversations yet.",
    ServedBy = "Served by {agent}",
    Tags = "Tags: {tags}",
    ClosingMessage = "Closing chat message: {comment}",
    BackToConversations = "Back to conversations",
    SearchConversation = "Search this conversation",
    NoMessages = "No messages.",
    NoMessageMatch = "No message matches “{text}”.",
    ConversationClosed = "Conversation closed: {comment}.",
    ConversationClosedBare = "Conversation closed.",
    FileSent = "File: {name} ({size})",
    NotAllowedChat = "Only the agent who served this chat, or a manager, can read it.",
    Channels = "Channels",
    Blocked = "{name} (Blocked)",
    NoAppLabel = "No app label provided",
    Verified = "Verified",
    LastChat = "Last chat {when}",
    NoChannels = "No channels yet.",
    SourceLivechat = "Livechat",
    SourceEmail = "Email",
    SourceSms = "SMS",
    SourceApp = "Custom (APP)",
    SourceApi = "Custom (API)",
    SourceOther = "Custom Integration",
    // Importing contacts from a spreadsheet.
    ImportContacts = "Import contacts",
    // Contacts not identified yet.
    Unidentified = "Unidentified contacts",
    NoUnidentified = "No unidentified contacts.",
    NotIdentified = "Not identified yet: saving it identifies it.",
    NowIdentified = "It is identified now.",
    StillUnidentified = "Nothing changed, so Rocket.Chat still lists it as not identified.",
    ManagerKept = "Rocket.Chat kept the contact manager {name}: it can clear one from release 8.2 on.",
}

texts! {
    /// A text of the import, a lazy part: its English table is read by the part's code alone,
    /// so it travels in the part's chunk rather than in the first download. A catalogue file
    /// has these lines after [`Text`]'s.
    ImportText, IMPORT_ENGLISH, IMPORT_NAMES;
    BackToForm = "Back to the form",
    CsvFile = "CSV file",
    ImportIntro = "Choose a CSV file, or drop it here. Nothing is sent before you start the import.",
    ReadingFile = "Reading {file}…",
    FileTooLarge = "This file is larger than 10 MB: split it into smaller files.",
    TooManyRows = "Rows in this file: {rows}. At most 50,000 can be imported at once: split it into smaller files.",
    NoRows = "This file has no rows under its header.",
    FileUnreadable = "The file could not be read. Choose it again.",
    Encoding = "Encoding",
    Delimiter = "Delimiter",
    Comma = "Comma",
    Semicolon = "Semicolon",
    Tab = "Tab",
    Pipe = "Vertical bar",
    ColumnsOf = "Columns of {file}",
    Ignore = "Ignore",
    RowsChecked = "{count} row: {ready} ready, {invalid} with errors, {repeated} repeated in the file.|{count} rows: {ready} ready, {invalid} with errors, {repeated} repeated in the file.",
    RowProblem = "Row {line}: {reason}",
    RowWidth = "The row's cell count ({cells}) differs from the header's ({header}).",
    RowRepeated = "It repeats an email or phone of row {line}, so it is not sent.",
    OnlyOne = "{field}: this Rocket.Chat keeps one per contact, and the row has several.",
    ExistingContacts = "Contacts that already exist",
    AddWhatIsNew = "Add what is new",
    Skip = "Skip",
    StartImport = "Import {count} contact|Import {count} contacts",
    ImportProgress = "{done} of {total}",
    Pause = "Pause",
    Resume = "Resume",
    CancelImport = "Cancel import",
    ImportWaiting = "Rocket.Chat asks to wait: going on in {count} s.",
    ImportPaused = "Import paused.",
    ImportFinished = "Import finished: {created} created, {updated} updated, {skipped} skipped, {failed} not imported.",
    ImportCancelled = "Import cancelled: {created} created, {updated} updated, {skipped} skipped, {failed} not imported. What was saved stays saved.",
    DownloadNotImported = "Download the rows not imported",
    Reason = "Reason",
    ResumeImport = "Resume importing {file}? {done} of {total} done.",
    Discard = "Discard",
    ImportUnderWay = "Importing {file}: {done} of {total}.",
    BackToImport = "Back to the import",
    ImportHeld = "Import paused: {reason}",
    NotStored = "This browser cannot store the import: if the page closes, it cannot be resumed.",
    TimeLeft = "About {count} minute left.|About {count} minutes left.",
    DownloadTemplate = "Download a template",
    MoreRows = "{count} more row is not listed here.|{count} more rows are not listed here.",
    DownloadProblems = "Download the rows with errors",
    ListingContacts = "Finding the contacts Rocket.Chat already has: page {done} of {total}.",
}

texts! {
    /// A text of blocking a channel, which only the Conversations part (a lazy part) says: its
    /// English table travels in that part's chunk, as the import's does. A catalogue file has
    /// these lines after [`ImportText`]'s.
    BlockText, BLOCK_ENGLISH, BLOCK_NAMES;
    Block = "Block",
    Unblock = "Unblock",
    BlockAsk = "Block {channel} for {name}? An open conversation on it is closed.",
    ChannelBlocked = "{channel} blocked.",
    ChannelUnblocked = "{channel} unblocked.",
    ChannelGone = "{channel} is no longer one of this contact's channels.",
    NeedsLicence = "Blocking a channel needs a Rocket.Chat Enterprise licence with the module {module}. The server says: {message}",
    WaitToBlock = "A save is under way: press it again once it is done.",
}
